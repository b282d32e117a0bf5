package nl.duiding.kb.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.duiding.kb.narrative.NarrativeKey;
import nl.duiding.kb.narrative.NarrativeWorkflow;
import nl.duiding.kb.narrative.TenantCode;
import nl.duiding.kb.narrative.WorkflowAction;
import nl.duiding.kb.support.IsolatedIndices;
import nl.duiding.kb.support.NarrativeSamples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The editor's pages in the production profile: people log in through the municipality's identity provider with
 * OpenID Connect (authorization code flow), played by a small provider on 127.0.0.1 that approves at once and signs
 * real ID tokens. An HTTP client follows every redirect and keeps cookies, as a browser does. Roles and organisation
 * come from the same claims as the API's bearer tokens; spoiled ID tokens get no session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("prod")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditorLoginIT {

    @RegisterExtension
    static final IsolatedIndices INDICES = new IsolatedIndices();
    private static final TestIdentityProvider IDP = new TestIdentityProvider(true);
    private static final String CLIENT = "spring.security.oauth2.client.";
    private static final String ROTTERDAM_TITLE = "Gif in de Rotterdamse haven";
    private static final String AMSTERDAM_TITLE = "Gerucht over de Amsterdamse grachten";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        INDICES.register(registry);
        registry.add("duiding.content.import-on-start", () -> "false");
        registry.add("server.address", () -> "127.0.0.1");
        // The API: bearer tokens of the same provider.
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", IDP::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", IDP::jwksUri);
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> TestIdentityProvider.AUDIENCE);
        registry.add("duiding.security.jwt.roles-claim", () -> "realm_access.roles");
        // The pages: an OpenID Connect client registration, endpoints and keys from the provider's discovery document.
        registry.add(CLIENT + "registration.gemeente.client-id", () -> TestIdentityProvider.CLIENT_ID);
        registry.add(CLIENT + "registration.gemeente.client-secret", () -> TestIdentityProvider.CLIENT_SECRET);
        registry.add(CLIENT + "registration.gemeente.client-name", () -> "de gemeente");
        registry.add(CLIENT + "registration.gemeente.scope", () -> "openid,profile");
        registry.add(CLIENT + "provider.gemeente.issuer-uri", IDP::issuer);
        // Production marks the session cookie Secure (HTTPS only); this test speaks plain HTTP on 127.0.0.1, where
        // an HTTP client rightly keeps a Secure cookie to itself.
        registry.add("server.servlet.session.cookie.secure", () -> "false");
        // Every start of a login counts against the login limit of the address (RateLimitIT); here they are many.
        registry.add("duiding.rate-limit.login", () -> "1000");
    }

    @LocalServerPort
    int port;
    @Autowired
    NarrativeWorkflow workflow;

    @BeforeAll
    void library() {
        publish("haven-gif", new TenantCode("GM0599"), ROTTERDAM_TITLE);
        publish("grachten-gerucht", new TenantCode("GM0363"), AMSTERDAM_TITLE);
    }

    @AfterAll
    void stop() {
        IDP.close();
    }

    @Test
    void logsAnEditorInThroughTheIdentityProviderWithRoleAndOrganisationFromItsClaims() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> login = browser.get("/redactie");
        assertThat(login.uri().getPath()).isEqualTo("/redactie/inloggen");
        assertThat(login.body()).contains("Inloggen via de gemeente").doesNotContain("name=\"password\"");

        IDP.nextLogin("erik", "GM0599", "redacteur");
        HttpResponse<String> overview = browser.get(link(login.body()));

        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.uri().getPath()).isEqualTo("/redactie");
        assertThat(overview.body()).contains("Ingelogd als <strong>erik</strong>", "GM0599", ROTTERDAM_TITLE)
                .doesNotContain(AMSTERDAM_TITLE);
    }

    @Test
    void keepsAnEditorToTheirOwnMunicipalitysNarratives() throws Exception {
        Browser browser = new Browser();
        IDP.nextLogin("anna", "GM0363", "eindredacteur");
        HttpResponse<String> overview = browser.loginThroughProvider();

        assertThat(overview.body()).contains("Ingelogd als <strong>anna</strong>", AMSTERDAM_TITLE)
                .doesNotContain(ROTTERDAM_TITLE);
        assertThat(browser.get("/redactie/verhalen/haven-gif?tenant=GM0599").statusCode()).isEqualTo(404);
    }

    @Test
    void givesAnEmployeeWithoutAnEditorRoleNoEditorPages() throws Exception {
        Browser browser = new Browser();
        IDP.nextLogin("karin", "GM0363", "kcc-medewerker", "offline_access");
        HttpResponse<String> page = browser.loginThroughProvider();

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("Geen toegang").doesNotContain(AMSTERDAM_TITLE);
    }

    @Test
    void refusesALoginWhoseClaimsNameNoOrganisation() throws Exception {
        Browser browser = new Browser();
        IDP.nextLogin("zonder", null, "redacteur");

        assertRefused(browser, browser.loginThroughProvider());
    }

    @Test
    void refusesSpoiledIdTokens() throws Exception {
        IDP.nextLoginForged("mallory", "nationaal", "eindredacteur");
        Browser forged = new Browser();
        assertRefused(forged, forged.loginThroughProvider());

        IDP.nextLogin("mallory", "nationaal", c -> c.issuer("https://idp.elders.test/realms/kcc"), "eindredacteur");
        Browser otherIssuer = new Browser();
        assertRefused(otherIssuer, otherIssuer.loginThroughProvider());

        IDP.nextLogin("mallory", "nationaal", c -> c.audience("zaaksysteem"), "eindredacteur");
        Browser otherAudience = new Browser();
        assertRefused(otherAudience, otherAudience.loginThroughProvider());

        IDP.nextLogin("mallory", "nationaal", c -> c.claim("nonce", "een-andere-aanvraag"), "eindredacteur");
        Browser replayed = new Browser();
        assertRefused(replayed, replayed.loginThroughProvider());

        IDP.nextLogin("mallory", "nationaal", c -> c.issueTime(Date.from(Instant.now().minusSeconds(3600)))
                .expirationTime(Date.from(Instant.now().minusSeconds(600))), "eindredacteur");
        Browser expired = new Browser();
        assertRefused(expired, expired.loginThroughProvider());
    }

    @Test
    void offersNoPasswordLoginInProduction() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> login = browser.get("/redactie/inloggen");
        assertThat(login.body()).doesNotContain("name=\"password\"");
        String csrf = find(login.body(), "name=\"_csrf\" (?:content|value)=\"([^\"]+)\"");

        HttpResponse<String> attempt = browser.post("/redactie/inloggen",
                "username=beheerder&password=geheim&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));

        assertThat(attempt.body()).doesNotContain("Ingelogd als");
        assertThat(browser.get("/redactie").uri().getPath()).isEqualTo("/redactie/inloggen");
    }

    @Test
    void doesNotOpenTheApiWithThePageSession() throws Exception {
        Browser browser = new Browser();
        IDP.nextLogin("erik", "GM0599", "redacteur");
        browser.loginThroughProvider();

        assertThat(browser.get("/api/v1/narratives").statusCode()).isEqualTo(401);
    }

    @Test
    void recordsTheLoginInTheAuditLog() throws Exception {
        String user = "auditee-" + System.nanoTime();
        IDP.nextLogin(user, "GM0363", "redacteur");
        new Browser().loginThroughProvider();

        String beheerder = IDP.token("bea", "nationaal", "beheerder");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            HttpResponse<String> audit = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(base() + "/api/v1/audit?action=inloggen&actor=" + user))
                    .header("Authorization", "Bearer " + beheerder).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(audit.statusCode()).isEqualTo(200);
            assertThat(audit.body()).contains("\"actor\":\"" + user + "\"", "\"actorTenant\":\"GM0363\"");
        });
    }

    @Test
    void logsOutHereAndAtTheProvider() throws Exception {
        Browser browser = new Browser();
        IDP.nextLogin("erik", "GM0599", "redacteur");
        HttpResponse<String> overview = browser.loginThroughProvider();
        String csrf = find(overview.body(), "name=\"_csrf\" (?:content|value)=\"([^\"]+)\"");

        HttpResponse<String> loggedOut = browser.post("/redactie/uitloggen",
                "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));

        assertThat(browser.visited).anyMatch(uri -> uri.getPath().equals("/logout")
                && uri.getRawQuery().contains("id_token_hint="));
        assertThat(loggedOut.uri().getPath()).isEqualTo("/redactie/inloggen");
        assertThat(loggedOut.body()).contains("U bent uitgelogd");
        assertThat(browser.get("/redactie").uri().getPath()).isEqualTo("/redactie/inloggen");
    }

    private void assertRefused(Browser browser, HttpResponse<String> answer) throws Exception {
        assertThat(answer.uri().getPath()).isEqualTo("/redactie/inloggen");
        assertThat(answer.uri().getQuery()).isEqualTo("mislukt");
        assertThat(answer.body()).contains("Inloggen via de inlogdienst van uw organisatie is niet gelukt")
                .doesNotContain("Ingelogd als").doesNotContain("Exception");
        assertThat(browser.get("/redactie").uri().getPath()).isEqualTo("/redactie/inloggen");
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private static String link(String loginPage) {
        return find(loginPage, "href=\"(/oauth2/authorization/gemeente)\"");
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("pattern %s in page", regex).isTrue();
        return m.group(1);
    }

    private void publish(String slug, TenantCode tenant, String title) {
        var narrative = NarrativeSamples.narrative(slug, tenant, title);
        NarrativeKey key = NarrativeKey.of(narrative);
        var saved = workflow.create(narrative, "redacteur-a");
        saved = workflow.transition(key, WorkflowAction.SUBMIT, saved.tag(), "redacteur-a");
        workflow.transition(key, WorkflowAction.PUBLISH, saved.tag(), "eindredacteur-b");
    }

    /** A browser's part of the flow: cookies, and every redirect followed (kb-service → provider → kb-service). */
    private final class Browser {

        final java.util.List<URI> visited = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws Exception {
            return follow(HttpRequest.newBuilder(URI.create(base() + path)).GET().build());
        }

        HttpResponse<String> post(String path, String form) throws Exception {
            return follow(HttpRequest.newBuilder(URI.create(base() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        }

        /** The login page's button, then wherever the provider and kb-service send the browser. */
        HttpResponse<String> loginThroughProvider() throws Exception {
            return get(link(get("/redactie/inloggen").body()));
        }

        private HttpResponse<String> follow(HttpRequest request) throws Exception {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
                URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
                visited.add(next);
                response = http.send(HttpRequest.newBuilder(next).GET().build(), HttpResponse.BodyHandlers.ofString());
            }
            return response;
        }
    }
}
