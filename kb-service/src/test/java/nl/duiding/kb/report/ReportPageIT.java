package nl.duiding.kb.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.sun.net.httpserver.HttpServer;
import nl.duiding.kb.simulation.ContactStream;
import nl.duiding.kb.support.IsolatedIndices;
import nl.duiding.kb.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The daily report page in a real headless Chromium, as an analyst opens it inside the CRM: framed by a configured
 * CRM origin, charts present, reachable by keyboard, no personal data, and a script in a contact text inert.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportPageIT {

    @RegisterExtension
    static final IsolatedIndices INDICES = new IsolatedIndices();
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final String[] FIRST_NAMES = {"Jolanda", "Ahmet", "Sietske", "Bart", "Naima", "Henk", "Lotte",
            "Orhan", "Marieke", "Dirk"};
    private static final String XSS = "<img src=x onerror=\"window.xss=1\"><script>window.xss=2</script>";
    /** Two stand-ins for CRMs: one configured as frame ancestor, one not. */
    private static final HttpServer CRM = crm();
    private static final HttpServer OTHER_SITE = crm();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        INDICES.registerWithTestUsers(registry);
        registry.add("duiding.content.dir", () -> Path.of("../content").toAbsolutePath().normalize().toString());
        registry.add("duiding.scheduling.enabled", () -> "false");
        registry.add("duiding.security.frame-ancestors", () -> "'self' " + origin(CRM));
    }

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    ElasticsearchClient client;

    ChromeDriver browser;
    Path profile;
    LocalDate day;
    final Set<String> residents = new HashSet<>();
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void feedADayAndStartTheBrowser() throws Exception {
        day = LocalDate.now(ZONE).minusDays(1);
        ContactStream.Stream2 stream = ContactStream.fromContent(Path.of("../content")).generate(
                new ContactStream.Settings(77, day, 1, ZONE, 300, 40, 7, 1, 0));
        List<Map<String, Object>> items = new ArrayList<>();
        for (ContactStream.Contact c : stream.contacts()) {
            items.add(item(c.externalId(), c.occurredAt().toString(), c.channel(), c.text(), c.residentHash()));
            residents.add(c.residentHash());
        }
        // A wave of the same e-mail, each with a script in it and the sender's own name and phone number.
        for (int i = 0; i < 30; i++) {
            String resident = String.format("xssresident%016d", i);
            residents.add(resident);
            items.add(item("xss-" + i, day.atTime(10, i).atZone(ZONE).toInstant().toString(), "email",
                    "Geachte gemeente, " + XSS + " wij eisen dat de nieuwe zendmast aan de Dorpsweg direct wordt "
                            + "stilgelegd want de straling maakt ons ziek. Met vriendelijke groet, " + FIRST_NAMES[i % 10]
                            + " Pietersen" + i + " tel 06-1234" + String.format("%04d", i),
                    resident));
        }
        for (int from = 0; from < items.size(); from += 1000) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/signals"))
                    .header("Authorization", basic(TestUsers.CONNECTOR)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("signals",
                            items.subList(from, Math.min(from + 1000, items.size()))))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        }
        client.indices().refresh(r -> r.index(INDICES.prefix() + "-*"));

        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile,
                "--window-size=1280,2000");
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build(), options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        // The analyst's login, for the framed page too (Chromium refuses credentials in a frame's URL).
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("Authorization", basic(TestUsers.ANALIST))));
    }

    @AfterAll
    void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        CRM.stop(0);
        OTHER_SITE.stop(0);
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private String reportUrl() {
        return base() + "/api/v1/reports/daily/" + day + ".html";
    }

    @Test
    void rendersInsideTheCrmsFrameWithChartsAndTheWave() {
        browser.get(origin(CRM) + "/crm?src=" + java.net.URLEncoder.encode(reportUrl(), StandardCharsets.UTF_8));
        browser.switchTo().frame(browser.findElement(By.tagName("iframe")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dagrapport belacties");
        // Charts: inline SVG, each with a text alternative.
        List<WebElement> charts = browser.findElements(By.cssSelector("svg[role=img]"));
        assertThat(charts).hasSizeGreaterThanOrEqualTo(2);
        for (WebElement svg : charts) {
            String name = svg.getAttribute("aria-label") != null ? svg.getAttribute("aria-label")
                    : browser.findElement(By.id(svg.getAttribute("aria-labelledby"))).getAttribute("textContent");
            assertThat(name).as("text alternative of a chart").isNotBlank();
        }
        // The wave is reported as a belactie, by its shared words.
        assertThat(browser.findElement(By.id("belacties")).findElement(By.xpath("..")).getText())
                .contains("zendmast");
        browser.switchTo().defaultContent();
    }

    @Test
    void refusesToBeFramedByASiteThatIsNoConfiguredCrm() {
        browser.get(origin(OTHER_SITE) + "/crm?src=" + java.net.URLEncoder.encode(reportUrl(), StandardCharsets.UTF_8));
        browser.switchTo().frame(browser.findElement(By.tagName("iframe")));
        assertThat(browser.findElements(By.tagName("h1"))).extracting(WebElement::getText)
                .doesNotContain("Dagrapport belacties");
        browser.switchTo().defaultContent();
    }

    @Test
    void pagesNameTheCrmsThatMayFrameThemWhileTheApiStaysUnframeable() throws Exception {
        HttpResponse<Void> page = http.send(HttpRequest.newBuilder(URI.create(reportUrl()))
                .header("Authorization", basic(TestUsers.ANALIST)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValue("frame-ancestors 'self' " + origin(CRM));
        assertThat(page.headers().firstValue("X-Frame-Options")).isEmpty();

        HttpResponse<Void> api = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/campaigns/active"))
                .header("Authorization", basic(TestUsers.ANALIST)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(api.headers().firstValue("Content-Security-Policy")).isEmpty();
    }

    @Test
    void everySectionIsReachableByKeyboardFromTheSkipLinkOn() {
        browser.get(reportUrl());
        WebElement body = browser.findElement(By.tagName("body"));
        body.sendKeys(Keys.TAB);
        WebElement first = browser.switchTo().activeElement();
        assertThat(first.getText()).isEqualTo("Naar de inhoud");
        first.sendKeys(Keys.ENTER);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("inhoud");

        // Tab on through the section menu: every menu entry gets the focus, in order, and each leads somewhere.
        browser.get(reportUrl());
        List<String> focused = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
            focused.add(browser.switchTo().activeElement().getText());
        }
        assertThat(focused).containsSubsequence("Naar de inhoud", "Advies", "Belacties", "Verhalen",
                "Verloop per uur", "Kanalen");
        for (WebElement link : browser.findElements(By.cssSelector("nav a"))) {
            String target = link.getAttribute("href").replaceAll(".*#", "");
            assertThat(browser.findElements(By.id(target))).as("target of " + target).isNotEmpty();
        }
    }

    @Test
    void showsNoPersonalDataAndLeavesTheScriptInert() {
        browser.get(reportUrl());
        String page = browser.getPageSource();
        assertThat(page).contains("Dagrapport belacties");
        for (String resident : residents) {
            assertThat(page).doesNotContain(resident);
        }
        assertThat(page).doesNotContain("06-1234").doesNotContain("Pietersen").doesNotContain("xss-");
        for (String name : FIRST_NAMES) {
            assertThat(page).doesNotContain(name);
        }
        Object xss = ((JavascriptExecutor) browser).executeScript("return window.xss === undefined ? null : window.xss");
        assertThat(xss).as("a script from a contact text ran").isNull();
        assertThat(browser.findElements(By.cssSelector("main img, main script"))).isEmpty();
    }

    private Map<String, Object> item(String id, String at, String channel, String text, String resident) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("source", "rapportpagina");
        item.put("externalId", id);
        item.put("tenant", "GM0363");
        item.put("channel", channel);
        item.put("occurredAt", at);
        item.put("text", text);
        item.put("residentHash", resident);
        return item;
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + TestUsers.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** A page that frames the URL in its {@code src} parameter, as a CRM's sidebar or tab does. */
    private static HttpServer crm() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/crm", exchange -> {
                String src = java.net.URLDecoder.decode(exchange.getRequestURI().getRawQuery().substring(4),
                        StandardCharsets.UTF_8);
                byte[] page = ("<!DOCTYPE html><html lang=\"nl\"><head><title>CRM</title></head><body>"
                        + "<iframe title=\"Duiding\" width=\"1200\" height=\"1800\" src=\""
                        + src.replace("\"", "") + "\"></iframe></body></html>").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String origin(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
