package nl.duiding.connector.sidebar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;

import nl.duiding.connector.cache.PublishedScriptCache;
import nl.duiding.connector.security.LaunchLinkIssuer;
import nl.duiding.connector.support.Browser;
import nl.duiding.connector.support.KbServiceExtension;
import nl.duiding.connector.support.KbServiceProcess;
import nl.duiding.connector.tenant.Secret;

/**
 * The sidebar in a real headless Chromium: the connector runs in this JVM (local profile, so the demo CRM page is
 * there), kb-service runs as its own process against the real Elasticsearch node. The outage test runs last: it
 * stops kb-service and starts it again.
 */
@ExtendWith(KbServiceExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SidebarBrowserIT {

    private static final String NOTES_5G = "Beller zegt dat de nieuwe 5G-mast bij de school kinderen ziek maakt door "
            + "straling en wil dat de gemeente hem weghaalt.";
    private static final String NOTES_CHEMTRAILS = "Inwoner belt: vliegtuigen sproeien gif, de witte strepen in de "
            + "lucht zijn chemtrails.";

    @LocalServerPort
    int port;

    @Autowired
    PublishedScriptCache cache;

    private ChromeDriver browser;
    private final List<String> renderTimes = new ArrayList<>();

    @BeforeAll
    void startBrowser() {
        browser = Browser.start(360, 800);
    }

    @AfterAll
    void stopBrowser() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (!renderTimes.isEmpty()) {
            Path report = Path.of("target", "sidebar-first-render.txt");
            Files.writeString(report, "First render of the sidebar (Navigation Timing, ms: responseEnd, "
                    + "domContentLoadedEventEnd, loadEventEnd) in headless Chromium, " + Instant.now() + "\n"
                    + String.join("\n", renderTimes) + "\n");
        }
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private LaunchLinkIssuer issuer() {
        return new LaunchLinkIssuer(new Secret(KbServiceExtension.launchSecret()), Clock.systemUTC());
    }

    private String launchUrl(String channel, String subject, String notes, String resident) {
        String token = issuer().sign(new LaunchLinkIssuer.Launch(KbServiceExtension.TENANT, channel,
                UUID.randomUUID().toString(), resident, subject, notes), Duration.ofMinutes(2));
        return base() + "/sidebar?launch=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    private List<String> cardTitles(WebDriver driver) {
        return driver.findElements(By.cssSelector("#resultaten .card-toggle")).stream().map(WebElement::getText)
                .toList();
    }

    private WebElement cardFor(String slug) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#resultaten .card[data-slug='" + slug + "'] .card-toggle")));
    }

    private void recordRenderTime() {
        Object timing = ((JavascriptExecutor) browser).executeScript(
                "const n = performance.getEntriesByType('navigation')[0];"
                        + "return [Math.round(n.responseEnd), Math.round(n.domContentLoadedEventEnd),"
                        + " Math.round(n.loadEventEnd)].join(', ');");
        renderTimes.add(String.valueOf(timing));
    }

    @Test
    @Order(1)
    void demoCrmPageWalksTheWholeFlow() throws Exception {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1200, 900));
        try {
            browser.get(base() + "/");
            browser.switchTo().frame("duiding");
            WebElement card = cardFor("chemtrails");
            assertThat(browser.findElement(By.cssSelector(".channel")).getText()).isEqualTo("Telefoon");
            assertThat(browser.findElement(By.id("status")).getText()).contains("herkend");

            card.click();
            WebElement script = waiting().until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".card[data-slug='chemtrails'] .script")));
            WebElement opened = browser.findElement(By.cssSelector(".card[data-slug='chemtrails']"));
            assertThat(opened.getAttribute("class")).contains("kaart");
            assertThat(opened.getAttribute("data-kanaal")).isEqualTo("telefoon");
            assertThat(opened.getText()).contains("Kernboodschap", "Wat zeg je wel", "Wat zeg je niet", "Doorverwijzen");
            assertThat(script.findElements(By.cssSelector(".kaart-wel li"))).isNotEmpty();
            String core = opened.findElement(By.cssSelector(".kaart-kern .core-full")).getText();
            browser.switchTo().defaultContent();
            // For people reviewing a change: what the agent saw at this point.
            Files.write(Path.of("target", "sidebar-demo-crm.png"),
                    browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            browser.switchTo().frame("duiding");

            script.findElement(By.cssSelector("button.copy")).click();
            waiting().until(d -> d.findElement(By.id("melding")).getAttribute("textContent").contains("gekopieerd"));

            // The copied text arrives in the CRM: paste it into the CRM's own notes field.
            browser.switchTo().defaultContent();
            WebElement notes = browser.findElement(By.id("notities"));
            notes.clear();
            notes.sendKeys(Keys.chord(Keys.CONTROL, "v"));
            assertThat(notes.getAttribute("value")).isEqualTo(core);

            // A new launch from the CRM form carries the new notes into a fresh sidebar.
            notes.clear();
            notes.sendKeys(NOTES_5G);
            browser.findElement(By.id("open-zijbalk")).click();
            // The form loads a new CRM page: wait until the old one is gone and the new one's sidebar is there.
            waiting().until(ExpectedConditions.stalenessOf(notes));
            waiting().until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("duiding"));
            cardFor("5g-gezondheid");
        } finally {
            browser.switchTo().defaultContent();
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(360, 800));
        }
    }

    @Test
    @Order(2)
    void showsMatchesForTheNotesOfTheLaunchLinkAtOnce() {
        browser.get(launchUrl("email", "Vraag over 5G", NOTES_5G, null));
        recordRenderTime();

        WebElement card = cardFor("5g-gezondheid");

        assertThat(browser.findElement(By.cssSelector(".channel")).getText()).isEqualTo("E-mail");
        assertThat(browser.findElement(By.cssSelector(".subject")).getText()).isEqualTo("Vraag over 5G");
        assertThat(card.getText()).contains("5G");
        assertThat(browser.findElement(By.cssSelector(".card[data-slug='5g-gezondheid'] .kaart-zekerheid")).getText())
                .startsWith("Zekerheid:");
    }

    @Test
    @Order(3)
    void showsMatchesWhileTheAgentTypes() {
        browser.get(launchUrl("telefoon", null, null, null));
        recordRenderTime();

        browser.findElement(By.id("zoek")).sendKeys("chemtr");

        cardFor("chemtrails");
        waiting().until(d -> d.findElement(By.id("status")).getText().contains("gevonden"));
        assertThat(browser.findElement(By.id("status")).getAttribute("aria-live")).isEqualTo("polite");
    }

    @Test
    @Order(4)
    void worksWithTheKeyboardAlone() {
        browser.get(launchUrl("chat", null, null, null));
        Actions keys = new Actions(browser);

        // Start from nowhere in particular, as after a click elsewhere in the CRM.
        ((JavascriptExecutor) browser).executeScript("document.activeElement.blur();");
        keys.sendKeys("/").perform();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("zoek");
        keys.sendKeys("chemtr").perform();
        cardFor("chemtrails");

        keys.sendKeys(Keys.ARROW_DOWN).perform();
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getAttribute("class")).contains("card-toggle");
        keys.sendKeys(Keys.ENTER).perform();
        waiting().until(d -> "true".equals(d.switchTo().activeElement().getAttribute("aria-expanded")));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".card .script button.copy")));

        keys.keyDown(Keys.ALT).sendKeys("k").keyUp(Keys.ALT).perform();
        waiting().until(d -> d.findElement(By.id("melding")).getAttribute("textContent").contains("gekopieerd"));

        keys.sendKeys(Keys.TAB).perform();
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Kopieer kernboodschap");
        keys.sendKeys(Keys.ESCAPE).perform();
        assertThat(browser.switchTo().activeElement().getAttribute("aria-expanded")).isEqualTo("false");

        keys.keyDown(Keys.ALT).sendKeys("p").keyUp(Keys.ALT).perform();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("plak");
        keys.sendKeys(NOTES_5G).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
        cardFor("5g-gezondheid");
    }

    @Test
    @Order(5)
    void meetsWcag21AaAndFitsIn360Pixels() {
        browser.get(launchUrl("telefoon", "Onderwerp", NOTES_CHEMTRAILS, null));
        cardFor("chemtrails").click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".card .script button.copy")));

        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(browser);

        assertThat(results.getViolations()).as("axe-core WCAG 2.1 AA violations").isEmpty();
        Long scrollWidth = (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth;");
        assertThat(scrollWidth).as("no horizontal scrolling at 360 px").isLessThanOrEqualTo(360);
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("nl");
    }

    @Test
    @Order(6)
    void givesOneClickFeedbackToKbService(KbServiceProcess kb) {
        browser.get(launchUrl("telefoon", null, NOTES_CHEMTRAILS, "inwoner-7"));
        cardFor("chemtrails").click();
        WebElement helped = waiting().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".card[data-slug='chemtrails'] .feedback button[data-kind='hielp']")));

        helped.click();

        waiting().until(d -> d.findElement(By.cssSelector(".card[data-slug='chemtrails'] .feedback-status")).getText()
                .startsWith("Bedankt"));
        assertThat(helped.getAttribute("aria-pressed")).isEqualTo("true");
    }

    @Test
    @Order(6)
    void showsWhatThisResidentAskedBefore(KbServiceProcess kb) throws Exception {
        String resident = "inwoner-" + UUID.randomUUID();
        String body = "{\"source\":\"demo-crm\",\"events\":[{\"id\":\"" + UUID.randomUUID()
                + "\",\"occurredAt\":\"" + Instant.now().minus(Duration.ofDays(2)) + "\",\"channel\":\"telefoon\","
                + "\"text\":\"Vliegtuigen sproeien gif\",\"residentId\":\"" + resident
                + "\",\"narratives\":[\"chemtrails\"]}]}";
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String signature = "sha256=" + java.util.HexFormat.of().formatHex(hmac(KbServiceExtension.webhookSecret(),
                timestamp + "." + body));
        HttpResponse<String> sent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base() + "/api/v1/crm-events")).header("Content-Type", "application/json")
                .header("X-Duiding-Tenant", KbServiceExtension.TENANT).header("X-Duiding-Timestamp", timestamp)
                .header("X-Duiding-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        assertThat(sent.body()).contains("\"accepted\":1");
        String hash = java.util.HexFormat.of().formatHex(hmac(System.getProperty("duiding.security.resident-hash-key"),
                KbServiceExtension.TENANT + ":" + resident));
        // kb-service makes new signals searchable within its refresh interval.
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(1)).until(() -> kb.call("GET",
                "/api/v1/residents/" + hash + "/history?tenant=" + KbServiceExtension.TENANT, null).body()
                .contains("chemtrails"));

        browser.get(launchUrl("telefoon", null, null, resident));

        WebElement earlier = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("eerder")));
        assertThat(earlier.getText()).contains("Eerder gevraagd", "chemtrails");
        browser.get(launchUrl("telefoon", null, null, "iemand-anders-" + UUID.randomUUID()));
        browser.findElement(By.id("zoek"));
        assertThat(browser.findElement(By.id("eerder")).isDisplayed()).isFalse();
    }

    @Test
    @Order(15)
    void showsTheBelactieBannerWhileACampaignRuns(KbServiceProcess kb) throws Exception {
        // A template letter sent by 25 residents within the hour: what kb-service's detector calls a belactie.
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            events.append(i == 0 ? "" : ",").append("{\"id\":\"").append(UUID.randomUUID())
                    .append("\",\"occurredAt\":\"").append(Instant.now().minusSeconds(60L * i))
                    .append("\",\"channel\":\"brief\",\"text\":\"Hierbij teken ik bezwaar aan tegen de komst van de "
                            + "windturbines aan de Noorddijk. Ik eis dat de gemeenteraad het besluit intrekt en mij "
                            + "binnen veertien dagen schriftelijk antwoordt, anders stap ik naar de rechter. Nummer ")
                    .append(i).append("\",\"residentId\":\"briefschrijver-").append(UUID.randomUUID())
                    .append("\"}");
        }
        String body = "{\"source\":\"postkamer\",\"events\":[" + events + "]}";
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String signature = "sha256=" + java.util.HexFormat.of().formatHex(hmac(KbServiceExtension.webhookSecret(),
                timestamp + "." + body));
        HttpResponse<String> sent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base() + "/api/v1/crm-events")).header("Content-Type", "application/json")
                .header("X-Duiding-Tenant", KbServiceExtension.TENANT).header("X-Duiding-Timestamp", timestamp)
                .header("X-Duiding-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sent.body()).contains("\"accepted\":25");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(3)).until(() -> kb.call("GET",
                "/api/v1/campaigns/active?tenant=" + KbServiceExtension.TENANT, null).body().contains("\"id\""));

        browser.get(launchUrl("brief", null, null, null));

        WebElement banner = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("belactie")));
        assertThat(banner.getText()).startsWith("Belactie");
        assertThat(banner.getAttribute("role")).isEqualTo("alert");
    }

    private static byte[] hmac(String key, String data) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @Order(7)
    void refusesAnExpiredLaunchLink() throws Exception {
        Instant issued = Instant.now().minus(Duration.ofMinutes(10));
        String token = issuer().sign(new LaunchLinkIssuer.Launch(KbServiceExtension.TENANT, "telefoon", null, null,
                null, NOTES_CHEMTRAILS), issued, issued.plus(Duration.ofMinutes(2)), UUID.randomUUID().toString());

        browser.get(base() + "/sidebar?launch=" + token);

        assertThat(browser.findElement(By.id("reden")).getText()).contains("verlopen");
        assertThat(browser.findElements(By.id("zoek"))).isEmpty();
        assertThat(status("/sidebar?launch=" + token)).isEqualTo(401);
    }

    @Test
    @Order(8)
    void refusesAForgedLaunchLink() throws Exception {
        String forged = new LaunchLinkIssuer(new Secret("x".repeat(32) + UUID.randomUUID()), Clock.systemUTC())
                .sign(new LaunchLinkIssuer.Launch(KbServiceExtension.TENANT, "telefoon", null, null, null,
                        NOTES_CHEMTRAILS), Duration.ofMinutes(2));

        browser.get(base() + "/sidebar?launch=" + forged);

        assertThat(browser.findElement(By.id("reden")).getText()).contains("niet geldig");
        assertThat(status("/sidebar?launch=" + forged)).isEqualTo(401);
        assertThat(status("/sidebar")).isEqualTo(400);
    }

    @Test
    @Order(9)
    void refusesALaunchLinkUsedTwice() {
        String url = launchUrl("telefoon", null, null, null);
        browser.get(url);
        assertThat(browser.findElements(By.id("zoek"))).hasSize(1);

        browser.get(url);

        assertThat(browser.findElement(By.id("reden")).getText()).contains("al gebruikt");
    }

    @Test
    @Order(10)
    void limitsFramingToTheCrmAndSetsNoCookie() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(launchUrl("telefoon", null, null, null))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("frame-ancestors 'self' http://127.0.0.1:8081 http://localhost:8081")
                .contains("script-src 'self'");
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(response.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(response.body()).doesNotContain("<script>");
    }

    @Test
    @Order(11)
    void firstRenderStaysUnderOneSecond() {
        for (int i = 0; i < 5; i++) {
            browser.get(launchUrl("telefoon", null, NOTES_CHEMTRAILS, null));
            browser.findElement(By.id("zoek"));
            recordRenderTime();
        }
        List<Long> loadEnd = renderTimes.stream().map(t -> Long.parseLong(t.split(", ")[2].strip())).sorted().toList();
        assertThat(loadEnd.get(loadEnd.size() / 2)).as("median loadEventEnd in ms").isLessThan(1000);
    }

    @Test
    @Order(20)
    void keepsServingCachedScriptsWhileKbServiceIsDown(KbServiceProcess kb) {
        await().atMost(Duration.ofSeconds(30)).until(() -> cache.snapshot().narratives().size() > 10);
        kb.stop();
        try {
            browser.get(launchUrl("telefoon", null, NOTES_CHEMTRAILS, null));

            WebElement banner = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("storing")));
            assertThat(banner.getText()).contains("Kennisbank niet bereikbaar", "opgeslagen scripts");
            cardFor("chemtrails").click();
            WebElement script = waiting().until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".card[data-slug='chemtrails'] .script .kaart-wel")));
            assertThat(script.getText()).contains("Wat zeg je wel");
            assertThat(browser.findElement(By.cssSelector(".card[data-slug='chemtrails'] .core-full")).getText())
                    .isNotBlank();

            browser.findElement(By.id("zoek")).sendKeys("5g");
            cardFor("5g-gezondheid");
        } finally {
            kb.start();
        }
    }

    private int status(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
