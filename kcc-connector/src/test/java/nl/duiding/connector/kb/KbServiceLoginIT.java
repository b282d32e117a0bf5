package nl.duiding.connector.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import nl.duiding.connector.KccConnectorApplication;
import nl.duiding.connector.cache.PublishedScriptCache;
import nl.duiding.connector.support.KbServiceExtension;
import nl.duiding.connector.support.KbServiceProcess;
import nl.duiding.connector.support.TestIdentityProvider;

/**
 * The connector in its {@code prod} profile against the real kb-service in its {@code prod} profile (a second process
 * on the same indices): in with a client-credentials token of a test identity provider on 127.0.0.1 — real RS256
 * tokens kb-service checks against the provider's JWKS — or with an API key that rotates without a restart of either
 * side; never with a local password. Secrets and tokens never reach the log.
 */
@ExtendWith({KbServiceExtension.class, OutputCaptureExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KbServiceLoginIT {

    private static final String CHEMTRAILS = "Die witte strepen achter vliegtuigen, daar sproeien ze gif mee over ons";
    private static final String KEY_A = "sleutel-a-" + UUID.randomUUID() + UUID.randomUUID();
    private static final String KEY_B = "sleutel-b-" + UUID.randomUUID() + UUID.randomUUID();

    private final TestIdentityProvider idp = new TestIdentityProvider();
    private final List<ConfigurableApplicationContext> connectors = new ArrayList<>();
    private Path kbKeys;
    private Path connectorKey;
    private KbServiceProcess production;

    @BeforeAll
    void startProductionKbService(KbServiceProcess shared) throws Exception {
        kbKeys = Files.createTempFile("kb-api-keys", ".properties");
        Files.writeString(kbKeys, "connector-a=" + KEY_A + "\n");
        connectorKey = Files.createTempFile("connector-api-key", ".txt");
        production = KbServiceProcess.production(shared, Map.of(
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI", TestIdentityProvider.ISSUER,
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI", idp.jwksUri(),
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES", TestIdentityProvider.AUDIENCE,
                "DUIDING_SECURITY_JWT_ROLESCLAIM", "realm_access.roles",
                "DUIDING_SECURITY_APIKEYS_FILE", kbKeys.toString(),
                "DUIDING_SECURITY_APIKEYS_RELOADINTERVAL", "0s"));
    }

    @AfterAll
    void stop() {
        connectors.forEach(ConfigurableApplicationContext::close);
        if (production != null) {
            production.close();
        }
        idp.close();
    }

    @Test
    void logsInWithAClientCredentialsTokenThatItKeepsAndRenewsBeforeItExpires(CapturedOutput output) {
        int before = idp.issued().size();
        ConfigurableApplicationContext connector = connector(clientCredentials(TestIdentityProvider.CLIENT_SECRET));
        KnowledgeBase kb = connector.getBean(KnowledgeBase.class);
        // The cache fills itself at start, concurrently with the calls below: all share one token.
        PublishedScriptCache cache = connector.getBean(PublishedScriptCache.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> cache.snapshot().refreshedAt() != null);

        Answer<KbApi.MatchResponse> match = kb.match(CHEMTRAILS, "chat", KbServiceExtension.TENANT);
        Answer<KbApi.Narrative> narrative = kb.narrative("chemtrails", KbServiceExtension.TENANT);
        Answer<List<KbApi.Suggestion>> suggestions = kb.suggest("chemtr", 5, KbServiceExtension.TENANT);

        assertThat(match.degraded()).as("answered by kb-service, not the cache").isFalse();
        assertThat(match.value().matches()).extracting(KbApi.Match::slug).first().isEqualTo("chemtrails");
        assertThat(narrative.degraded()).isFalse();
        assertThat(suggestions.degraded()).isFalse();
        assertThat(cache.snapshot().narratives()).containsKey("chemtrails");
        assertThat(idp.issued()).as("one token for the cache refresh and all calls").hasSize(before + 1);

        // A token the client library takes as expiring 60 s early, so usable for two seconds, then renewed.
        idp.lifetime(62);
        connector.getBean(KbCredentials.class).refused();
        assertThat(kb.narrative("chemtrails", KbServiceExtension.TENANT).degraded()).isFalse();
        assertThat(idp.issued()).hasSize(before + 2);
        await().pollDelay(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(kb.narrative("chemtrails", KbServiceExtension.TENANT).degraded()).isFalse();
            assertThat(kb.suggest("chemtr", 5, KbServiceExtension.TENANT).degraded()).isFalse();
            assertThat(idp.issued()).as("one new token shortly before the old one expires").hasSize(before + 3);
        });
        idp.lifetime(300);
        assertThat(output.getAll()).doesNotContain(TestIdentityProvider.CLIENT_SECRET);
        idp.issued().forEach(token -> assertThat(output.getAll()).doesNotContain(token));
    }

    @Test
    void dropsATokenKbServiceRefusesAndFetchesANewOne() {
        ConfigurableApplicationContext connector = connector(clientCredentials(TestIdentityProvider.CLIENT_SECRET));
        KnowledgeBase kb = connector.getBean(KnowledgeBase.class);
        PublishedScriptCache cache = connector.getBean(PublishedScriptCache.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> cache.snapshot().refreshedAt() != null);
        // The provider starts handing out tokens for another application (a mistake there, corrected below).
        idp.audience("zaaksysteem");
        connector.getBean(KbCredentials.class).refused();
        assertThatThrownBy(() -> kb.feedback(new KbApi.Feedback(KbServiceExtension.TENANT, "chemtrails", "telefoon",
                "hielp", null, null))).isInstanceOfSatisfying(KbUnavailable.class,
                        e -> assertThat(e.status()).isEqualTo(401));
        idp.audience(TestIdentityProvider.AUDIENCE);
        int before = idp.issued().size();

        Answer<KbApi.Narrative> narrative = kb.narrative("chemtrails", KbServiceExtension.TENANT);

        assertThat(narrative.degraded()).as("the refused token was dropped, a new one fetched").isFalse();
        assertThat(idp.issued()).hasSize(before + 1);
    }

    @Test
    void answersFromTheCacheWhenTheIdentityProviderRefusesTheConnector(CapturedOutput output) {
        String wrong = "verkeerd-" + UUID.randomUUID();
        KnowledgeBase kb = connector(clientCredentials(wrong)).getBean(KnowledgeBase.class);

        Answer<KbApi.MatchResponse> match = kb.match(CHEMTRAILS, "telefoon", KbServiceExtension.TENANT);

        assertThat(match.degraded()).isTrue();
        assertThat(output.getAll()).contains("no token for kb-service").contains("HTTP 401").doesNotContain(wrong);
    }

    @Test
    void logsInWithAnApiKeyThatRotatesWithoutARestart(CapturedOutput output) throws Exception {
        write(connectorKey, KEY_A + "\n", 1);
        KnowledgeBase kb = connector(List.of("--duiding.kb.api-key-file=" + connectorKey,
                "--duiding.kb.api-key-reload=0s")).getBean(KnowledgeBase.class);
        assertThat(kb.narrative("chemtrails", KbServiceExtension.TENANT).degraded()).isFalse();

        // Rotation: kb-service takes both keys, the connector switches, kb-service drops the old key.
        write(kbKeys, "connector-a=" + KEY_A + "\nconnector-b=" + KEY_B + "\n", 2);
        write(connectorKey, KEY_B + "\n", 3);
        assertThat(kb.narrative("chemtrails", KbServiceExtension.TENANT).degraded()).isFalse();
        write(kbKeys, "connector-b=" + KEY_B + "\n", 4);
        assertThat(kb.match(CHEMTRAILS, "chat", KbServiceExtension.TENANT).degraded()).isFalse();

        // The key really decides: back to the removed one, and kb-service refuses it.
        write(connectorKey, KEY_A + "\n", 5);
        assertThatThrownBy(() -> kb.feedback(new KbApi.Feedback(KbServiceExtension.TENANT, "chemtrails", "telefoon",
                "hielp", null, null))).isInstanceOfSatisfying(KbUnavailable.class,
                        e -> assertThat(e.status()).isEqualTo(401));
        write(connectorKey, KEY_B + "\n", 6);
        assertThat(kb.narrative("chemtrails", KbServiceExtension.TENANT).degraded()).isFalse();

        assertThat(output.getAll()).contains("API key for kb-service read again").doesNotContain(KEY_A)
                .doesNotContain(KEY_B);
        assertThat(production.log()).contains("connector-b").doesNotContain(KEY_A).doesNotContain(KEY_B);
    }

    @Test
    void logsInWithAnApiKeyFromTheEnvironment() throws Exception {
        write(kbKeys, "connector-a=" + KEY_A + "\nconnector-b=" + KEY_B + "\n", 7);
        KnowledgeBase kb = connector(List.of("--duiding.kb.api-key=" + KEY_B)).getBean(KnowledgeBase.class);

        assertThat(kb.suggest("chemtr", 5, KbServiceExtension.TENANT).degraded()).isFalse();
    }

    @Test
    void refusesToStartInProductionWithALocalPasswordOrWithoutALogin(CapturedOutput output) {
        assertThatThrownBy(() -> start(List.of("--duiding.kb.username=connector", "--duiding.kb.password=geheim",
                "--duiding.kb.api-key=" + KEY_B))).isInstanceOf(IllegalStateException.class);
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("kcc-connector will not start in the 'prod' profile")
                .contains("HTTP Basic is for the 'local' profile only").doesNotContain("geheim");

        assertThatThrownBy(() -> start(List.of())).isInstanceOf(IllegalStateException.class);
        assertThat(output.getAll()).contains("no login for kb-service is configured");
    }

    @Test
    void refusesTwoWaysOfLoggingInAtOnce() {
        assertThatThrownBy(() -> start(List.of("--duiding.kb.api-key=" + KEY_B, "--duiding.kb.client-credentials"
                + ".token-uri=" + idp.tokenUri(), "--duiding.kb.client-credentials.client-id=x",
                "--duiding.kb.client-credentials.client-secret=y")))
                .rootCause().hasMessageContaining("logs in to kb-service in one way");
    }

    private List<String> clientCredentials(String secret) {
        return List.of("--duiding.kb.client-credentials.token-uri=" + idp.tokenUri(),
                "--duiding.kb.client-credentials.client-id=" + TestIdentityProvider.CLIENT_ID,
                "--duiding.kb.client-credentials.client-secret=" + secret);
    }

    private ConfigurableApplicationContext connector(List<String> login) {
        ConfigurableApplicationContext context = start(login);
        connectors.add(context);
        return context;
    }

    /**
     * A connector in the {@code prod} profile. Command-line arguments outrank the system properties the shared
     * extension sets for the {@code local} tests (its HTTP Basic user), as they would outrank anything in production.
     */
    private ConfigurableApplicationContext start(List<String> login) {
        List<String> args = new ArrayList<>(List.of("--duiding.kb.url=" + production.url(), "--duiding.kb.username=",
                "--duiding.kb.password=", "--duiding.cache.refresh=1h", "--duiding.state-dir=" + stateDir()));
        args.addAll(login);
        return new SpringApplicationBuilder(KccConnectorApplication.class).profiles("prod")
                .web(WebApplicationType.NONE).run(args.toArray(String[]::new));
    }

    private static Path stateDir() {
        try {
            return Files.createTempDirectory("connector-prod-it");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Writes a key file with a distinct modification time: file systems keep them coarsely. */
    private static void write(Path file, String content, int step) throws Exception {
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(step)));
    }
}
