package nl.duiding.connector.sidebar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import nl.duiding.connector.support.Browser;
import nl.duiding.connector.support.KbNarratives;
import nl.duiding.connector.support.KbServiceExtension;
import nl.duiding.connector.support.KbServiceProcess;
import nl.duiding.connector.support.SidebarClient;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * XSS payloads in every text field of a narrative published in the real kb-service — title, summary, trigger phrasings,
 * kernboodschap, wat zeg je wel and niet, doorvragen, doorverwijzen, registratie, legal position, safety signals, for
 * every channel — and in the launch link's subject and notes, stay text in a real headless Chromium: in the cards of a
 * match (with kb-service's highlighted evidence), of suggestions while typing, and in the expanded script. Each
 * payload would set {@code window.__xss} if it ran; the test also fails on any element or event handler a payload could
 * have created and on any Content-Security-Policy violation (the CSP is the second line, not what makes them inert).
 */
@ExtendWith(KbServiceExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SidebarXssBrowserIT {

    private static final String SLUG = "xss-proef";
    private static final String MARK = "Xssproef";
    private static final List<String> PAYLOADS = List.of(
            "<script>window.__xss='script'</script>",
            "<img src=x onerror=\"window.__xss='img'\">",
            "\"><svg onload=\"window.__xss='svg'\">",
            "javascript:window.__xss='url'",
            "<a href=\"javascript:window.__xss='link'\">klik hier</a>",
            "</textarea><iframe src=\"javascript:window.__xss='iframe'\"></iframe>",
            "{{constructor.constructor('window.__xss=1')()}} [[${7*7}]]",
            "<style>*{display:none}</style><b onmouseover=\"window.__xss='hover'\">vet</b>");
    /** Elements no text of a narrative or a launch link may ever become. */
    private static final String FORBIDDEN = "script, img, svg, iframe, object, embed, style, link, a, b, form, input, base";
    /** Where such text is shown: the cards, the header with the subject, the banners and "Eerder gevraagd". */
    private static final String SHOWN = "#resultaten, header.top, #eerder, #belactie, #storing";

    @LocalServerPort
    int port;

    private ChromeDriver browser;
    /** The payloads in each channel's script, to find back on the expanded card. */
    private final Map<String, List<String>> inScript = new java.util.HashMap<>();

    @BeforeAll
    void publishAndStart(KbServiceProcess kb) {
        KbNarratives.publish(kb, "nationaal", "chemtrails", this::poisoned);
        browser = Browser.start(360, 900);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void keepsPayloadsInMatchedCardsAndTheExpandedScriptInert() {
        String notes = trigger(0) + " " + PAYLOADS.get(5);
        browser.get(base() + "/sidebar?launch=" + URLEncoder.encode(SidebarClient.launch("telefoon", null,
                "Onderwerp " + PAYLOADS.get(0) + PAYLOADS.get(1), notes), StandardCharsets.UTF_8));
        watchPolicyViolations();

        WebElement card = card();
        assertThat(browser.findElement(By.cssSelector(".subject")).getText()).contains(PAYLOADS.get(1));
        assertThat(browser.findElement(By.id("plak")).getAttribute("value")).isEqualTo(notes);
        assertThat(card.getText()).contains(MARK, PAYLOADS.get(1));
        assertThat(browser.findElements(By.cssSelector(".card[data-slug='" + SLUG + "'] .evidence"))).isNotEmpty();

        card.findElement(By.cssSelector(".card-toggle")).click();
        WebElement script = waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".card[data-slug='" + SLUG + "'] .script .kaart-wel")));
        assertThat(script.getText()).contains("Wat zeg je wel");
        assertThat(card.getText()).contains(inScript.get("telefoon"));

        assertInert();
    }

    @Test
    void keepsPayloadsInSuggestionsAndTheScriptTheyOpenInert() {
        browser.get(base() + "/sidebar?launch=" + URLEncoder.encode(SidebarClient.launch("chat", null, null, null),
                StandardCharsets.UTF_8));
        watchPolicyViolations();

        browser.findElement(By.id("zoek")).sendKeys(MARK);
        WebElement card = card();
        assertThat(card.getText()).contains(PAYLOADS.get(1));
        card.findElement(By.cssSelector(".card-toggle")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".card[data-slug='" + SLUG + "'] .script .kaart-doorverwijzen")));
        assertThat(card.getText()).contains(inScript.get("chat"));

        assertInert();
    }

    private WebElement card() {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#resultaten .card[data-slug='" + SLUG + "']")));
    }

    /** Records every CSP violation from now on: a payload that became markup would cause one. */
    private void watchPolicyViolations() {
        ((JavascriptExecutor) browser).executeScript("window.__csp = [];"
                + "document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective));");
    }

    private void assertInert() {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        // Give anything that would run a moment: image errors, frames, timers.
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(js.executeScript("return window.__xss === undefined ? null : String(window.__xss);"))
                .as("a payload ran").isNull();
        assertThat(js.executeScript("return Array.from(document.querySelectorAll(arguments[0]))"
                + ".flatMap(area => Array.from(area.querySelectorAll(arguments[1])))"
                + ".map(e => e.outerHTML.slice(0, 80));", SHOWN, FORBIDDEN)).as("elements made from text").asList()
                .isEmpty();
        assertThat(js.executeScript("return Array.from(document.querySelectorAll('*')).flatMap(e =>"
                + " Array.from(e.attributes).filter(a => a.name.startsWith('on') || /^\\s*javascript:/i.test(a.value))"
                + ".map(a => e.tagName + ' ' + a.name));")).as("event handlers or javascript: URLs").asList().isEmpty();
        assertThat(js.executeScript("return window.__csp;")).as("CSP violations").asList().isEmpty();
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private static String payload(int i) {
        return PAYLOADS.get(i % PAYLOADS.size());
    }

    private static String trigger(int i) {
        return MARK + " over de kikkerpoel en de zonnewijzer nummer " + (i + 1) + " " + payload(i);
    }

    /** Every text field of the copy carries a payload; lengths stay within the schema's bounds. */
    private void poisoned(ObjectNode n) {
        n.put("slug", SLUG).put("title", MARK + " " + payload(1)).put("summary", "Samenvatting van de "
                + "proef met gevaarlijke tekst " + payload(0)).put("legalPosition", "Juridisch standpunt "
                + payload(3)).put("background", "Achtergrond " + payload(4));
        ArrayNode triggers = n.putArray("triggers");
        for (int i = 0; i < 10; i++) {
            triggers.add(trigger(i));
        }
        n.putArray("tags").add("proef");
        ArrayNode signals = n.putArray("safetySignals");
        signals.add("Signaal " + payload(2)).add("Signaal " + payload(5));
        ObjectNode scripts = (ObjectNode) n.get("scripts");
        List<String> channels = new ArrayList<>();
        scripts.propertyNames().forEach(channels::add);
        int i = 0;
        for (String channel : channels) {
            List<String> used = new ArrayList<>();
            ObjectNode script = (ObjectNode) scripts.get(channel);
            script.put("coreMessage", "Kernboodschap voor dit kanaal, lang genoeg voor de regels: " + payload(i));
            used.add(payload(i++));
            for (Map.Entry<String, Integer> list : Map.of("say", 2, "avoid", 2, "askFurther", 1).entrySet()) {
                ArrayNode items = script.putArray(list.getKey());
                for (int k = 0; k < list.getValue(); k++) {
                    items.add("Tekst " + payload(i));
                    used.add(payload(i++));
                }
            }
            for (var referral : script.get("referral")) {
                ((ObjectNode) referral).put("when", "Wanneer " + payload(i));
                used.add(payload(i++));
            }
            script.put("registration", "Registreer " + payload(i));
            used.add(payload(i++));
            inScript.put(channel, used);
        }
    }
}
