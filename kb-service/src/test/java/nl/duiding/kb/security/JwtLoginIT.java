package nl.duiding.kb.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import nl.duiding.kb.narrative.NarrativeKey;
import nl.duiding.kb.narrative.NarrativeWorkflow;
import nl.duiding.kb.narrative.TenantCode;
import nl.duiding.kb.narrative.WorkflowAction;
import nl.duiding.kb.support.IsolatedIndices;
import nl.duiding.kb.support.NarrativeSamples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production profile on a real port: only tokens signed by the configured identity provider's keys, for the
 * configured issuer and audience and not expired, get in; each bad token gets a 401 problem. Roles and tenant come
 * from configurable claims; kcc-connector also gets in with a rotating API key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("prod")
@ExtendWith(OutputCaptureExtension.class)
class JwtLoginIT {

    @RegisterExtension
    static final IsolatedIndices INDICES = new IsolatedIndices();
    private static final TestIdentityProvider IDP = new TestIdentityProvider();
    private static final String OLD_KEY = "old-" + UUID.randomUUID() + UUID.randomUUID();
    private static final String NEW_KEY = "new-" + UUID.randomUUID() + UUID.randomUUID();
    private static final Path KEY_FILE = keyFile();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        INDICES.register(registry);
        registry.add("duiding.content.import-on-start", () -> "false");
        registry.add("server.address", () -> "127.0.0.1");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestIdentityProvider.ISSUER);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", IDP::jwksUri);
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> TestIdentityProvider.AUDIENCE);
        registry.add("duiding.security.jwt.roles-claim", () -> "realm_access.roles");
        registry.add("duiding.security.jwt.role-mapping[duiding-beheer]", () -> "beheerder");
        registry.add("duiding.security.api-keys.file", KEY_FILE::toString);
        registry.add("duiding.security.api-keys.reload-interval", () -> "0s");
    }

    @AfterAll
    static void stop() {
        IDP.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    NarrativeWorkflow workflow;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void letsAValidTokenInWithItsRolesAndTenant() throws Exception {
        HttpResponse<String> response = get("/api/v1/narratives", bearer(IDP.token("anna", "GM0363", "kcc-medewerker")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"items\"");
        // The role decides: a KCC agent may not export content.
        assertProblem(get("/api/v1/content/export.zip", bearer(IDP.token("anna", "GM0363", "kcc-medewerker"))),
                403, "Geen toegang");
    }

    @Test
    void keepsATokensTenantToItsOwnLocalNarratives() throws Exception {
        var narrative = NarrativeSamples.narrative("jwt-lokaal", new TenantCode("GM0363"), "Lokaal gerucht in Amsterdam");
        NarrativeKey key = NarrativeKey.of(narrative);
        var saved = workflow.create(narrative, "redacteur-a");
        saved = workflow.transition(key, WorkflowAction.SUBMIT, saved.tag(), "redacteur-a");
        workflow.transition(key, WorkflowAction.PUBLISH, saved.tag(), "eindredacteur-b");

        assertThat(get("/api/v1/narratives/jwt-lokaal", bearer(IDP.token("anna", "GM0363", "kcc-medewerker")))
                .statusCode()).isEqualTo(200);
        assertProblem(get("/api/v1/narratives/jwt-lokaal", bearer(IDP.token("rob", "GM0599", "kcc-medewerker"))), 404,
                "Verhaal niet gevonden");
    }

    @Test
    void mapsIdentityProviderValuesOntoRoles() throws Exception {
        assertThat(get("/api/v1/content/export.zip", bearer(IDP.token("bert", "nationaal", "duiding-beheer")))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void givesAnEmployeeWithoutADuidingRoleNothing() throws Exception {
        assertProblem(get("/api/v1/narratives", bearer(IDP.token("carla", "GM0363", "offline_access"))), 403,
                "Geen toegang");
    }

    @Test
    void refusesAnExpiredToken() throws Exception {
        String expired = IDP.token("anna", "GM0363", c -> c
                .issueTime(Date.from(Instant.now().minusSeconds(3600)))
                .notBeforeTime(Date.from(Instant.now().minusSeconds(3600)))
                .expirationTime(Date.from(Instant.now().minusSeconds(600))), "kcc-medewerker");
        assertProblem(get("/api/v1/narratives", bearer(expired)), 401, "Niet ingelogd");
    }

    @Test
    void refusesATokenOfAnotherIssuer() throws Exception {
        String other = IDP.token("anna", "GM0363", c -> c.issuer("https://idp.elders.test/realms/kcc"),
                "kcc-medewerker");
        assertProblem(get("/api/v1/narratives", bearer(other)), 401, "Niet ingelogd");
    }

    @Test
    void refusesATokenForAnotherAudience() throws Exception {
        String other = IDP.token("anna", "GM0363", c -> c.audience("zaaksysteem"), "kcc-medewerker");
        assertProblem(get("/api/v1/narratives", bearer(other)), 401, "Niet ingelogd");
    }

    @Test
    void refusesAnUnsignedToken() throws Exception {
        assertProblem(get("/api/v1/narratives", bearer(IDP.unsigned("anna", "GM0363", "beheerder"))), 401,
                "Niet ingelogd");
    }

    @Test
    void refusesATokenWhosePayloadWasChanged() throws Exception {
        assertProblem(get("/api/v1/content/export.zip",
                bearer(IDP.tampered("anna", "GM0363", "kcc-medewerker", "beheerder"))), 401, "Niet ingelogd");
    }

    @Test
    void refusesATokenSignedWithAnotherKey() throws Exception {
        assertProblem(get("/api/v1/narratives", bearer(IDP.signedWithForgersKey("anna", "GM0363", "beheerder"))), 401,
                "Niet ingelogd");
    }

    @Test
    void refusesGarbageAndAMissingToken() throws Exception {
        assertProblem(get("/api/v1/narratives", bearer("geen.echte.token")), 401, "Niet ingelogd");
        assertProblem(get("/api/v1/narratives"), 401, "Niet ingelogd");
    }

    @Test
    void refusesAStaffTokenWithoutTenantRatherThanGuessingOne() throws Exception {
        assertProblem(get("/api/v1/narratives", bearer(IDP.token("anna", null, "kcc-medewerker"))), 401,
                "Niet ingelogd");
    }

    @Test
    void letsTheConnectorInWithAClientCredentialsTokenWithoutTenant() throws Exception {
        String token = IDP.token("service-account-kcc-connector", null, "connector");
        assertThat(get("/api/v1/narratives", bearer(token)).statusCode()).isEqualTo(200);
        assertProblem(get("/api/v1/content/export.zip", bearer(token)), 403, "Geen toegang");
    }

    @Test
    void offersNoPasswordLoginInProduction() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString("beheerder:geheim".getBytes(StandardCharsets.UTF_8));
        assertProblem(get("/api/v1/narratives", "Authorization", basic), 401, "Niet ingelogd");
    }

    @Test
    void letsTheConnectorInWithAnApiKeyThatRotatesWithoutRestart(CapturedOutput output) throws Exception {
        assertThat(get("/api/v1/narratives", "X-Api-Key", OLD_KEY).statusCode()).isEqualTo(200);
        assertProblem(get("/api/v1/content/export.zip", "X-Api-Key", OLD_KEY), 403, "Geen toegang");
        assertProblem(get("/api/v1/narratives", "X-Api-Key", NEW_KEY), 401, "Niet ingelogd");

        // Rotation: the new key is added beside the old one, the connector switches, the old one is removed.
        rewriteKeys("connector-2026a=" + OLD_KEY + "\nconnector-2026b=" + NEW_KEY + "\n", 1);
        assertThat(get("/api/v1/narratives", "X-Api-Key", OLD_KEY).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/narratives", "X-Api-Key", NEW_KEY).statusCode()).isEqualTo(200);
        rewriteKeys("connector-2026b=" + NEW_KEY + "\n", 2);
        assertProblem(get("/api/v1/narratives", "X-Api-Key", OLD_KEY), 401, "Niet ingelogd");
        assertThat(get("/api/v1/narratives", "X-Api-Key", NEW_KEY).statusCode()).isEqualTo(200);
        assertProblem(get("/api/v1/narratives", "X-Api-Key", NEW_KEY.substring(1)), 401, "Niet ingelogd");

        assertThat(output.getAll()).contains("connector-2026b").doesNotContain(OLD_KEY).doesNotContain(NEW_KEY);
    }

    private static void rewriteKeys(String content, int step) throws Exception {
        Files.writeString(KEY_FILE, content);
        // File systems keep modification times coarsely; make each version's time distinct.
        Files.setLastModifiedTime(KEY_FILE, FileTime.from(Instant.now().plusSeconds(step)));
    }

    private static Path keyFile() {
        try {
            Path file = Files.createTempFile("duiding-api-keys", ".properties");
            file.toFile().deleteOnExit();
            Files.writeString(file, "# label=key\nconnector-2026a=" + OLD_KEY + "\n");
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String title) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"title\":\"" + title + "\"").doesNotContain("Exception")
                .doesNotContain("\"trace\"");
    }
}
