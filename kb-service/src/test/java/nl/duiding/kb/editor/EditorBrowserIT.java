package nl.duiding.kb.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import nl.duiding.kb.claimreview.ClaimReviewFeed;
import nl.duiding.kb.narrative.Narrative;
import nl.duiding.kb.narrative.NarrativeKey;
import nl.duiding.kb.narrative.NarrativeWorkflow;
import nl.duiding.kb.narrative.Slug;
import nl.duiding.kb.narrative.TenantCode;
import nl.duiding.kb.support.Browser;
import nl.duiding.kb.support.IsolatedIndices;
import nl.duiding.kb.support.JsonLd;
import nl.duiding.kb.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The editor in a real headless Chromium against kb-service on a random port, with the repository's content imported
 * into the real test node. Sidebar checks go through {@code /api/v1/suggest} and {@code /api/v1/match}, the calls the
 * connector's sidebar makes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EditorBrowserIT {

    @RegisterExtension
    static final IsolatedIndices INDICES = new IsolatedIndices();
    private static final String SLUG = "5g-gezondheid";
    private static final String XSS = "<img src=x onerror=\"window.__xss=(window.__xss||0)+1\">"
            + "<script>window.__xss=(window.__xss||0)+1</script>\"'><svg onload=\"window.__xss=1\">";
    private static final String SHORT_XSS = "<img src=x onerror=\"window.__xss=1\"><b>vet</b>";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        INDICES.registerWithLibrary(registry);
    }

    private static ChromeDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    NarrativeWorkflow workflow;
    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @AfterEach
    void screenshotAndLogOut(TestInfo test) {
        Browser.screenshot(browser, "EditorBrowserIT-" + test.getTestMethod().orElseThrow().getName());
        browser.manage().deleteAllCookies();
    }

    @Test
    void editsPreviewsSubmitsPublishesWithASecondUserRestoresAndExportsJsonLd() throws Exception {
        String newTitle = "Bewering dat 5G-masten op sporthallen ziek maken";
        String newCore = "Ik begrijp dat u zich zorgen maakt over de zendmast bij de sporthal. De Gezondheidsraad "
                + "vond geen bewijs dat 5G de gezondheid schaadt; op antennebureau.nl staat welke antennes er zijn.";
        String newTrigger = "mijn buurman zegt dat de zendmast op de sporthal zijn kippen ziek maakt";

        login(TestUsers.REDACTEUR);
        WebElement search = browser.findElement(By.id("zoek-q"));
        WebElement overview = browser.findElement(By.tagName("html"));
        search.sendKeys("5G", Keys.ENTER);
        // The unfiltered overview lists the narrative too: wait for the search's page before reading its rows.
        Browser.waitFor(browser).until(Browser.gone(overview));
        WebElement row = rowLinking(SLUG);
        assertThat(row.getText()).contains("gepubliceerd");
        assertThat(browser.findElement(By.cssSelector("thead")).getText()).contains("Status", "Herzien vóór");
        row.findElement(By.cssSelector("a[href*='/redactie/verhalen/" + SLUG + "']")).click();

        String oldTitle = browser.findElement(By.id("veld-title")).getAttribute("value");
        replace(By.id("veld-title"), newTitle);
        replace(By.id("veld-scripts-telefoon-coreMessage"), newCore);
        WebElement triggers = browser.findElement(By.id("veld-triggers"));
        triggers.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), Keys.ENTER, newTrigger);
        // The preview follows the typing, in the card markup the sidebar uses.
        Browser.waitFor(browser).until(d -> previewCore("telefoon").equals(newCore));
        assertThat(browser.findElement(By.cssSelector("#voorbeelden .kaart[data-kanaal=telefoon] .kaart-titel"))
                .getText()).isEqualTo(newTitle);
        Browser.screenshot(browser, "editor-preview");
        save();
        assertThat(message()).contains("opgeslagen");
        assertThat(status()).isEqualTo("concept");

        click("Ter review aanbieden");
        assertThat(status()).isEqualTo("review");
        assertThat(buttons()).doesNotContain("Publiceren");

        logout();
        login(TestUsers.EINDREDACTEUR);
        open("/redactie/verhalen/" + SLUG);
        click("Publiceren");
        assertThat(message()).contains("gepubliceerd");
        assertThat(status()).isEqualTo("gepubliceerd");

        // What the sidebar asks kb-service: search-as-you-type and matching now give the new version.
        JsonNode suggest = apiGet("/api/v1/suggest?q=" + enc("5G-masten op sporthallen"));
        assertThat(suggest.path("suggestions").findValuesAsString("title")).contains(newTitle);
        JsonNode match = apiPost("/api/v1/match", "{\"text\":\"" + newTrigger + "\",\"channel\":\"balie\"}");
        assertThat(match.path("matches").get(0).path("slug").asString()).isEqualTo(SLUG);
        assertThat(match.path("matches").get(0).path("title").asString()).isEqualTo(newTitle);
        assertThat(match.path("matches").get(0).path("script").path("coreMessage").asString()).isEqualTo(newCore);

        // History: a readable diff, then the imported version back as a new concept.
        browser.findElement(By.linkText("Geschiedenis en verschillen")).click();
        browser.findElement(By.id("van-1")).click();
        browser.findElement(By.id("tot-4")).click();
        click("Vergelijk");
        assertThat(browser.findElement(By.cssSelector(".verschil")).getText())
                .contains("Titel", "Telefoon en balie – kernboodschap", "Triggerformulering");
        assertThat(browser.findElements(By.cssSelector(".verschil ins")).stream().map(WebElement::getText))
                .anySatisfy(t -> assertThat(t).contains("sporthallen"));
        Browser.screenshot(browser, "history-diff");
        submit(browser.findElement(By.cssSelector("button[aria-label='Zet versie 1 terug']")));
        assertThat(message()).contains("Versie 1 is teruggezet");
        assertThat(browser.findElement(By.id("veld-title")).getAttribute("value")).isEqualTo(oldTitle);
        assertThat(status()).isEqualTo("concept");
        // Agents keep the published version until the restored one is published.
        assertThat(apiGet("/api/v1/narratives/" + SLUG).path("title").asString()).isEqualTo(newTitle);

        // The export for fact-checkers is valid JSON-LD, with schema.org terms and our scripts in our namespace.
        String export = apiGetText("/api/v1/claimreviews");
        byte[] context = apiGetText("/api/v1/jsonld/duiding.jsonld").getBytes(StandardCharsets.UTF_8);
        String contextUrl = "http://127.0.0.1:" + port + "/api/v1/jsonld/duiding.jsonld";
        JsonArray expanded = new JsonLd().serveSchemaOrg().serve(contextUrl, context).expand(export);
        assertNothingDroppedOnExpansion(export, expanded);
        JsonObject review = node(expanded, "https://duiding.nl/verhalen/nationaal/" + SLUG);
        assertThat(review.getJsonArray("@type").getString(0)).isEqualTo("http://schema.org/ClaimReview");
        assertThat(value(review, "http://schema.org/name")).isEqualTo(newTitle);
        JsonArray scripts = review.getJsonArray(ClaimReviewFeed.NAMESPACE + "script");
        assertThat(scripts).hasSize(3);
        JsonObject phone = scripts.stream().map(JsonValue::asJsonObject)
                .filter(s -> value(s, ClaimReviewFeed.NAMESPACE + "channel").equals("telefoon")).findFirst()
                .orElseThrow();
        assertThat(value(phone, ClaimReviewFeed.NAMESPACE + "coreMessage")).isEqualTo(newCore);
        assertThat(phone.getJsonArray(ClaimReviewFeed.NAMESPACE + "say").getJsonObject(0).containsKey("@list"))
                .isTrue();
        long published = apiGet("/api/v1/narratives?size=100").path("total").asLong();
        assertThat(expanded.stream().filter(n -> n.asJsonObject().containsKey("@type")
                && n.asJsonObject().getJsonArray("@type").getString(0).equals("http://schema.org/ClaimReview"))
                .count()).isEqualTo(published).isGreaterThan(10);
    }

    @Test
    void keepsTheInputAndShowsTheMessageNextToTheFieldWhenTheRulesAreBroken() {
        login(TestUsers.REDACTEUR);
        open("/redactie/verhalen/chemtrails");
        replace(By.id("veld-title"), "Chemtrails, nieuwe titel die bewaard moet blijven");
        replace(By.id("veld-scripts-chat-coreMessage"), "Te kort.");
        save();

        WebElement summary = browser.findElement(By.id("foutoverzicht"));
        assertThat(browser.switchTo().activeElement()).isEqualTo(summary);
        WebElement field = browser.findElement(By.id("veld-scripts-chat-coreMessage"));
        assertThat(field.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(field.getAttribute("value")).isEqualTo("Te kort.");
        String describedBy = field.getAttribute("aria-describedby");
        assertThat(describedBy).contains("veld-scripts-chat-coreMessage-fout");
        assertThat(browser.findElement(By.id("veld-scripts-chat-coreMessage-fout")).getText()).contains("40");
        assertThat(browser.findElement(By.id("veld-title")).getAttribute("value"))
                .isEqualTo("Chemtrails, nieuwe titel die bewaard moet blijven");
        summary.findElement(By.cssSelector("a[href='#veld-scripts-chat-coreMessage']")).click();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("veld-scripts-chat-coreMessage");
        assertThat(workflow.workingCopy(key("chemtrails")).record().narrative().title())
                .doesNotContain("nieuwe titel");
    }

    @Test
    void showsBothVersionsWhenSomeoneElseSavedInBetweenAndKeepsTheInput() {
        login(TestUsers.REDACTEUR);
        open("/redactie/verhalen/chemtrails");
        // Another editor saves while this page is open.
        NarrativeWorkflow.Saved current = workflow.workingCopy(key("chemtrails"));
        Narrative theirs = withTitle(current.record().narrative(), "Chemtrails volgens de andere redacteur");
        workflow.update(key("chemtrails"), theirs, current.tag(), TestUsers.REDACTEUR_2);

        replace(By.id("veld-title"), "Chemtrails volgens mij");
        save();
        WebElement conflict = browser.findElement(By.id("conflict"));
        assertThat(browser.switchTo().activeElement()).isEqualTo(conflict);
        assertThat(conflict.getText()).contains(TestUsers.REDACTEUR_2, "Chemtrails volgens de andere redacteur",
                "Chemtrails volgens mij");
        assertThat(browser.findElement(By.id("veld-title")).getAttribute("value")).isEqualTo("Chemtrails volgens mij");
        Browser.screenshot(browser, "conflict");
        assertThat(workflow.workingCopy(key("chemtrails")).record().narrative().title())
                .isEqualTo("Chemtrails volgens de andere redacteur");

        // Having seen both, the editor saves on purpose.
        save();
        assertThat(message()).contains("opgeslagen");
        assertThat(workflow.workingCopy(key("chemtrails")).record().narrative().title())
                .isEqualTo("Chemtrails volgens mij");
    }

    @Test
    void keepsMarkupInEveryTextFieldInertInTheEditorPreviewOverviewAndHistory() {
        login(TestUsers.REDACTEUR);
        open("/redactie/nieuw");
        fillEveryTextField();
        replace(By.id("veld-slug"), "xss-proef");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("veld-category")))
                .selectByValue("lokaal-incident");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("veld-risk"))).selectByValue("laag");
        Browser.waitFor(browser).until(d -> previewCore("chat").startsWith("<img"));
        assertInert();
        save();
        assertThat(message()).contains("aangemaakt");
        assertInert();
        assertThat(browser.findElement(By.id("veld-title")).getAttribute("value")).startsWith("<img");
        assertThat(previewCore("email")).startsWith("<img src=x onerror=");
        assertThat(browser.findElements(By.cssSelector("#voorbeelden li")).stream().map(WebElement::getText))
                .anySatisfy(text -> assertThat(text).contains("<script>"));
        Browser.screenshot(browser, "xss-editor");

        replace(By.id("veld-scripts-telefoon-coreMessage"), XSS + " en nog een wijziging in de kernboodschap");
        save();
        assertInert();
        open("/redactie?status=concept");
        assertThat(rowLinking("xss-proef").getText()).contains("<img src=x");
        assertInert();
        open("/redactie/verhalen/xss-proef/geschiedenis?van=1&tot=2");
        assertThat(browser.findElement(By.cssSelector(".verschil")).getText()).contains("<script>");
        assertInert();
        open("/redactie/herkenning");
        browser.findElement(By.id("herkenning-tekst")).sendKeys(XSS);
        browser.findElement(By.id("herkenning-verhaal")).sendKeys("xss-proef");
        click("Test");
        assertInert();
    }

    @Test
    void rendersTheBackgroundsMarkdownAndNothingInItThatRunsOrLoads() {
        login(TestUsers.REDACTEUR);
        open("/redactie/verhalen/" + SLUG);
        // The stored background (Markdown from content/) is shown rendered beside the form.
        assertThat(browser.findElements(By.cssSelector("#voorbeelden .achtergrond li"))).isNotEmpty();

        String markdown = String.join("\n", "## Wat we weten", "", "De **Gezondheidsraad** vond geen bewijs; zie "
                        + "[antennebureau](https://www.antennebureau.nl/).", "", "- eerste punt", "- tweede punt", "",
                XSS, "", "[klik hier](javascript:window.__xss=1)", "", "![pixel](https://tracker.example/p.gif)", "",
                "<a href=\"javascript:window.__xss=1\" onclick=\"window.__xss=1\">link</a>", "",
                "<div onmouseover=\"window.__xss=1\" style=\"position:fixed;inset:0\">vlak</div>");
        WebElement background = browser.findElement(By.id("veld-background"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", background, markdown);
        Browser.waitFor(browser).until(d -> !d.findElements(By.xpath(
                "//*[@id='voorbeelden']//*[contains(@class,'achtergrond')]//h4[normalize-space()='Wat we weten']"))
                .isEmpty());
        WebElement rendered = browser.findElement(By.cssSelector("#voorbeelden .achtergrond"));
        assertThat(rendered.findElement(By.tagName("strong")).getText()).isEqualTo("Gezondheidsraad");
        assertThat(rendered.findElements(By.tagName("li"))).hasSize(2);
        assertThat(rendered.findElement(By.linkText("antennebureau")).getAttribute("rel"))
                .isEqualTo("nofollow noopener noreferrer");
        Browser.screenshot(browser, "markdown-background");
        // Nothing that runs, loads or covers the page made it into the DOM, whatever the CSP would have stopped.
        Long dangerous = (Long) ((JavascriptExecutor) browser).executeScript("""
                const root = document.querySelector('#voorbeelden .achtergrond');
                let n = root.querySelectorAll('script, img, svg, iframe, style, object, embed, form').length;
                root.querySelectorAll('*').forEach(el => Array.from(el.attributes).forEach(a => {
                  if (a.name.startsWith('on') || a.name === 'style' || /^\\s*(javascript|data|vbscript):/i.test(a.value)) {
                    n++;
                  }
                }));
                return n;""");
        assertThat(dangerous).isZero();
        for (WebElement link : rendered.findElements(By.tagName("a"))) {
            assertThat(link.getAttribute("href")).startsWith("https://");
        }
        assertInert();
    }

    @Test
    void pagesWorkByKeyboardWithLabelsAndInsideAnIframe() {
        open("/redactie");
        assertThat(browser.getCurrentUrl()).contains("/redactie/inloggen");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("nl");
        // Keyboard only: the login form, then the skip link first on the page.
        browser.switchTo().activeElement().sendKeys(TestUsers.REDACTEUR, Keys.TAB, TestUsers.PASSWORD, Keys.ENTER);
        Browser.waitFor(browser).until(ExpectedConditions.urlMatches(".*/redactie(\\?continue)?$"));
        open("/redactie/verhalen/" + SLUG);
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement skip = browser.switchTo().activeElement();
        assertThat(skip.getText()).isEqualTo("Naar de inhoud");
        skip.sendKeys(Keys.ENTER);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("inhoud");

        Long unlabelled = (Long) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea'))"
                        + ".filter(e => e.labels.length === 0 && !e.getAttribute('aria-label')).length;");
        assertThat(unlabelled).isZero();

        ((JavascriptExecutor) browser).executeScript("document.body.innerHTML = '';"
                + "const f = document.createElement('iframe'); f.id = 'portaal'; f.src = '/redactie/review';"
                + "f.title = 'Redactie'; f.width = 1000; f.height = 600; document.body.appendChild(f);");
        Browser.waitFor(browser).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("portaal"));
        assertThat(Browser.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")))
                .getText()).isEqualTo("Reviewlijst");
        browser.switchTo().defaultContent();
    }

    @Test
    void refusesPagesToRolesWithoutEditorialWork() {
        login(TestUsers.KCC);
        open("/redactie/verhalen/" + SLUG);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Geen toegang");
    }

    // --- helpers -----------------------------------------------------------------------------------------------------

    private void fillEveryTextField() {
        // Every free-text field gets markup; fields with a format (dates, adresses, slugs, codes) get a valid value.
        ((JavascriptExecutor) browser).executeScript("""
                const xss = arguments[0];
                const short = arguments[1];
                const form = document.getElementById('verhaalformulier');
                form.querySelectorAll('input[type=text], textarea').forEach((el, i) => {
                  const name = el.name;
                  if (name === 'tags') { el.value = 'proef'; }
                  else if (/^(title|sources\\[0]\\.(title|publisher)|legalBasis\\[0]\\.citation)$/.test(name)) {
                    el.value = short + ' ' + name;
                  }
                  else if (name === 'related') { el.value = ''; }
                  else if (name === 'triggers') {
                    el.value = Array.from({length: 10}, (_, n) => xss + ' formulering ' + n).join('\\n');
                  } else if (name.endsWith('.steps')) { el.value = [1, 2, 3].map(n => xss + ' stap ' + n).join('\\n'); }
                  else if (/^(sources|legalBasis)\\[[1-9]/.test(name)) { el.value = ''; }
                  else if (/referral\\[[1-9]/.test(name)) { el.value = ''; }
                  else { el.value = xss + ' ' + name + ' met genoeg tekst om aan de minimale lengte te voldoen.'; }
                });
                form.querySelectorAll('input[type=url]').forEach(el => {
                  el.value = /\\[0]/.test(el.name) ? 'https://gemeente.example/pagina?q=' + encodeURIComponent(xss) : '';
                });
                form.querySelectorAll('input[type=date]').forEach(el => { el.value = el.name === 'reviewBy' ? '2027-06-30' : ''; });
                form.querySelectorAll('select[name$="referral[0].to"]').forEach(el => { el.value = 'communicatie'; });
                form.dispatchEvent(new Event('input', {bubbles: true}));
                """, XSS, SHORT_XSS);
    }

    private void assertInert() {
        Object executed = ((JavascriptExecutor) browser).executeScript("return window.__xss === undefined ? 0 : window.__xss;");
        assertThat(executed).isEqualTo(0L);
        assertThat(browser.findElements(By.cssSelector("main img, main svg, main script"))).isEmpty();
    }

    private void login(String user) {
        open("/redactie/inloggen");
        browser.findElement(By.id("gebruikersnaam")).sendKeys(user);
        browser.findElement(By.id("wachtwoord")).sendKeys(TestUsers.PASSWORD, Keys.ENTER);
        Browser.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".uitloggen")));
    }

    private void logout() {
        browser.findElement(By.cssSelector(".uitloggen button")).click();
        Browser.waitFor(browser).until(ExpectedConditions.urlContains("uitgelogd"));
    }

    private void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
    }

    /** Clicks a button that submits a form, and waits for the next page. */
    private void click(String buttonText) {
        submit(browser.findElement(By.xpath("//button[normalize-space()='" + buttonText + "']")));
    }

    private void save() {
        submit(browser.findElement(By.cssSelector("#verhaalformulier .knoppen button[type=submit]")));
    }

    private void submit(WebElement button) {
        WebElement page = browser.findElement(By.tagName("html"));
        button.click();
        Browser.waitFor(browser).until(Browser.gone(page));
    }

    private void replace(By field, String text) {
        WebElement element = browser.findElement(field);
        element.clear();
        element.sendKeys(text);
    }

    private List<String> buttons() {
        return browser.findElements(By.tagName("button")).stream().map(WebElement::getText).toList();
    }

    private String status() {
        return browser.findElement(By.id("status")).getText();
    }

    private String message() {
        return browser.findElement(By.cssSelector(".melding")).getText();
    }

    private String previewCore(String channel) {
        return browser.findElement(By.cssSelector("#voorbeelden .kaart[data-kanaal=" + channel + "] .kaart-kern p"))
                .getText();
    }

    private WebElement rowLinking(String slug) {
        return browser.findElement(By.xpath("//tr[.//a[contains(@href, '/redactie/verhalen/" + slug + "')]]"));
    }

    private static NarrativeKey key(String slug) {
        return new NarrativeKey(TenantCode.NATIONAL, new Slug(slug));
    }

    private static Narrative withTitle(Narrative n, String title) {
        return new Narrative(n.slug(), title, n.summary(), n.category(), n.tags(), n.risk(), n.tenant(), n.validFrom(),
                n.validUntil(), n.reviewBy(), n.triggers(), n.scripts(), n.legalPosition(), n.legalBasis(),
                n.safetySignals(), n.playbook(), n.sources(), n.related(), n.background());
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private String apiGetText(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", basic(TestUsers.CONNECTOR)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private JsonNode apiGet(String path) throws Exception {
        return json.readTree(apiGetText(path));
    }

    private JsonNode apiPost(String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", basic(TestUsers.CONNECTOR)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + TestUsers.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Every term the export uses must survive expansion as a schema.org or Duiding IRI; unknown terms vanish. */
    private void assertNothingDroppedOnExpansion(String export, JsonArray expanded) {
        Set<String> used = new TreeSet<>();
        collectKeys(json.readTree(export).path("@graph"), used);
        Set<String> iris = JsonLd.propertyIris(expanded);
        for (String term : used) {
            String iri = term.startsWith("duiding:") ? ClaimReviewFeed.NAMESPACE + term.substring("duiding:".length())
                    : "http://schema.org/" + term;
            assertThat(iris).as("term %s", term).contains(iri);
        }
    }

    private static void collectKeys(JsonNode node, Set<String> keys) {
        if (node.isArray()) {
            node.forEach(n -> collectKeys(n, keys));
        } else if (node.isObject()) {
            node.propertyNames().forEach(name -> {
                if (!name.startsWith("@")) {
                    keys.add(name);
                }
                collectKeys(node.get(name), keys);
            });
        }
    }

    private static JsonObject node(JsonArray expanded, String id) {
        return expanded.stream().map(JsonValue::asJsonObject).filter(o -> id.equals(o.getString("@id", null)))
                .findFirst().orElseThrow(() -> new AssertionError("No node " + id));
    }

    private static String value(JsonObject node, String property) {
        return node.getJsonArray(property).getJsonObject(0).getString("@value");
    }
}
