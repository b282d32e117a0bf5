package nl.duiding.connector.sidebar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import nl.duiding.connector.support.Browser;
import nl.duiding.connector.support.JsonLd;
import nl.duiding.connector.support.KbServiceExtension;
import nl.duiding.connector.support.KbServiceProcess;
import nl.duiding.connector.support.SidebarClient;

/**
 * Issue 9 end to end, in one real headless Chromium across both applications: an editor changes a published national
 * narrative in kb-service's editor pages (the real jar as its own process, local form login), sees the live preview,
 * submits it; a second person publishes it; the agent's sidebar in the connector (in this JVM, opened with a signed
 * launch link) finds the new title and phrasing while typing and shows the new kernboodschap; the editor restores the
 * imported version as a concept, which agents do not see; the ClaimReview export expands as JSON-LD with the
 * published title.
 * <p>
 * kb-service is shared by all connector tests: the narrative is one no other test uses, and the test publishes the
 * restored original at the end, so the instance ends with the content it started with.
 */
@ExtendWith(KbServiceExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditorToSidebarBrowserIT {

    private static final String SLUG = "windturbines-ziek";
    private static final String NEW_TITLE = "Bewering dat de windturbines bij Kraaijenbroek mensen en vee ziek maken";
    private static final String NEW_CORE = "Ik begrijp dat u zich zorgen maakt over de turbines bij Kraaijenbroek. "
            + "Volgens het RIVM geven windturbines hinder; voor andere ziektes is geen verband aangetoond. Een klacht "
            + "over geluid kunt u bij de gemeente melden.";
    private static final String NEW_TRIGGER = "mijn buurman zegt dat zijn kalfjes ziek worden van het gebrom van de "
            + "turbines bij Kraaijenbroek";
    private static final String NAMESPACE = "https://duiding.nl/ns#";

    @LocalServerPort
    int port;

    private KbServiceProcess kb;
    private ChromeDriver browser;

    @BeforeAll
    void startBrowser(KbServiceProcess kb) {
        this.kb = kb;
        browser = Browser.start(1200, 900);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aPublishedEditReachesTheSidebarsSearchARestoredConceptDoesNotAndTheExportIsJsonLd() throws Exception {
        // The editor changes title, telefoon kernboodschap and trigger phrasings, with the sidebar card as preview.
        login(KbServiceProcess.EDITOR);
        open("/redactie/verhalen/" + SLUG);
        assertThat(status()).isEqualTo("gepubliceerd");
        String oldTitle = browser.findElement(By.id("veld-title")).getAttribute("value");
        String oldCore = browser.findElement(By.id("veld-scripts-telefoon-coreMessage")).getAttribute("value").strip();
        replace(By.id("veld-title"), NEW_TITLE);
        replace(By.id("veld-scripts-telefoon-coreMessage"), NEW_CORE);
        browser.findElement(By.id("veld-triggers")).sendKeys(Keys.chord(Keys.CONTROL, Keys.END), Keys.ENTER,
                NEW_TRIGGER);
        editorWait().until(d -> previewCore("telefoon").equals(NEW_CORE));
        assertThat(browser.findElement(By.cssSelector("#voorbeelden .kaart[data-kanaal=telefoon] .kaart-titel"))
                .getText()).isEqualTo(NEW_TITLE);
        save();
        assertThat(message()).contains("opgeslagen");
        assertThat(status()).isEqualTo("concept");
        click("Ter review aanbieden");
        assertThat(status()).isEqualTo("review");
        logout();

        // Under review the agent still gets the published version.
        assertThat(sidebarSearch("Kraaijenbroek")).isEmpty();
        assertThat(sidebarSearch("windturbines ziek")).contains(oldTitle).doesNotContain(NEW_TITLE);

        // Four eyes: another person publishes.
        login(KbServiceProcess.FINAL_EDITOR);
        open("/redactie/verhalen/" + SLUG);
        click("Publiceren");
        assertThat(message()).contains("gepubliceerd");
        assertThat(status()).isEqualTo("gepubliceerd");
        logout();

        // The sidebar finds the new version by words of its title and of the new phrasing, and opens its script.
        assertThat(sidebarSearch("windturbines Kraaijenbroek")).contains(NEW_TITLE).doesNotContain(oldTitle);
        assertThat(sidebarSearch("kalfjes gebrom")).first().isEqualTo(NEW_TITLE);
        assertThat(card().findElement(By.cssSelector(".phrasing")).getText()).contains(NEW_TRIGGER);
        assertThat(openedCore()).isEqualTo(NEW_CORE);

        // The editor puts the imported version back: a concept, so agents keep the published one.
        login(KbServiceProcess.EDITOR);
        open("/redactie/verhalen/" + SLUG);
        browser.findElement(By.linkText("Geschiedenis en verschillen")).click();
        submit(browser.findElement(By.cssSelector("button[aria-label='Zet versie 1 terug']")));
        assertThat(message()).contains("Versie 1 is teruggezet");
        assertThat(browser.findElement(By.id("veld-title")).getAttribute("value")).isEqualTo(oldTitle);
        assertThat(status()).isEqualTo("concept");
        logout();
        assertThat(sidebarSearch("windturbines ziek")).contains(NEW_TITLE).doesNotContain(oldTitle);
        assertThat(openedCore()).isEqualTo(NEW_CORE);

        // The export for fact-checkers is valid JSON-LD and carries the published version.
        HttpResponse<String> export = kb.call("GET", "/api/v1/claimreviews", null);
        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
        assertThat(kb.call("GET", "/api/v1/jsonld/duiding.jsonld", null).statusCode()).isEqualTo(200);
        JsonArray expanded = new JsonLd(kb.url()).expand(export.body());
        JsonObject review = expanded.stream().map(JsonValue::asJsonObject)
                .filter(n -> ("https://duiding.nl/verhalen/nationaal/" + SLUG).equals(n.getString("@id", null)))
                .findFirst().orElseThrow(() -> new AssertionError("no ClaimReview of " + SLUG));
        assertThat(review.getJsonArray("@type").getString(0)).isEqualTo("http://schema.org/ClaimReview");
        assertThat(value(review, "http://schema.org/name")).isEqualTo(NEW_TITLE);
        JsonObject phone = review.getJsonArray(NAMESPACE + "script").stream().map(JsonValue::asJsonObject)
                .filter(s -> value(s, NAMESPACE + "channel").equals("telefoon")).findFirst().orElseThrow();
        assertThat(value(phone, NAMESPACE + "coreMessage")).isEqualTo(NEW_CORE);

        // Back as it was for the other tests on this kb-service: the restored original, published.
        login(KbServiceProcess.EDITOR);
        open("/redactie/verhalen/" + SLUG);
        click("Ter review aanbieden");
        logout();
        login(KbServiceProcess.FINAL_EDITOR);
        open("/redactie/verhalen/" + SLUG);
        click("Publiceren");
        assertThat(status()).isEqualTo("gepubliceerd");
        logout();
        assertThat(sidebarSearch("windturbines ziek")).contains(oldTitle).doesNotContain(NEW_TITLE);
        assertThat(openedCore()).isEqualTo(oldCore);
    }

    // --- the sidebar -------------------------------------------------------------------------------------------------

    /**
     * Opens a sidebar with a fresh signed launch link, types {@code typed} into the search box and answers the titles
     * of the cards. Only kb-service's own answer counts: should the circuit breaker of a connector context shared with
     * another test class still be open after that class's outage test, the sidebar is opened again until it is closed.
     */
    private List<String> sidebarSearch(String typed) {
        return await("the sidebar answered by kb-service").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(2)).until(() -> {
                    browser.get("http://127.0.0.1:" + port + "/sidebar?launch=" + URLEncoder.encode(
                            SidebarClient.launch("telefoon", null, "Vraag over windturbines", null),
                            StandardCharsets.UTF_8));
                    browser.findElement(By.id("zoek")).sendKeys(typed);
                    sidebarWait().until(d -> d.findElement(By.id("status")).getText().contains("gevonden"));
                    if (browser.findElement(By.id("storing")).isDisplayed()) {
                        return null;
                    }
                    return browser.findElements(By.cssSelector("#resultaten .card-toggle")).stream()
                            .map(WebElement::getText).toList();
                }, Objects::nonNull);
    }

    private WebElement card() {
        return browser.findElement(By.cssSelector("#resultaten .card[data-slug='" + SLUG + "']"));
    }

    /** Opens the narrative's card and answers the kernboodschap it shows for the launch link's channel. */
    private String openedCore() {
        card().findElement(By.cssSelector(".card-toggle")).click();
        sidebarWait().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#resultaten .card[data-slug='" + SLUG + "'] .script .kaart-wel")));
        assertThat(card().getAttribute("data-kanaal")).isEqualTo("telefoon");
        return card().findElement(By.cssSelector(".core-full")).getText();
    }

    private WebDriverWait sidebarWait() {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    // --- kb-service's editor pages (as in kb-service's EditorBrowserIT) ----------------------------------------------

    private void login(String user) {
        open("/redactie/inloggen");
        browser.findElement(By.id("gebruikersnaam")).sendKeys(user);
        browser.findElement(By.id("wachtwoord")).sendKeys(kb.password(), Keys.ENTER);
        editorWait().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".uitloggen")));
    }

    private void logout() {
        browser.findElement(By.cssSelector(".uitloggen button")).click();
        editorWait().until(ExpectedConditions.urlContains("uitgelogd"));
    }

    private void open(String path) {
        browser.get(kb.url() + path);
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
        editorWait().until(Browser.gone(page));
    }

    private void replace(By field, String text) {
        WebElement element = browser.findElement(field);
        element.clear();
        element.sendKeys(text);
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

    private WebDriverWait editorWait() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    private static String value(JsonObject node, String property) {
        return node.getJsonArray(property).getJsonObject(0).getString("@value");
    }
}
