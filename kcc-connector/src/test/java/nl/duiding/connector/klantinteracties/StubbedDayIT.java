package nl.duiding.connector.klantinteracties;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import nl.duiding.connector.kb.ContactSignals;
import nl.duiding.connector.security.ResidentHasher;
import nl.duiding.connector.support.KbServiceExtension;
import nl.duiding.connector.support.KbServiceProcess;
import nl.duiding.connector.tenant.TenantProperties;
import nl.duiding.connector.tenant.Tenants;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A day of klantcontacten from a WireMock OpenKlant (stubs validated against the OpenAPI document) moves into the
 * real kb-service, which is restarted halfway through the walk. kb-service's own counts show every signal exactly
 * once: over both polls it accepted each contact once, and a full resend with a forgotten seen-set is answered
 * duplicate for every one. Also: the Notificaties callback's checks.
 */
@ExtendWith(KbServiceExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StubbedDayIT {

    private static final int PAGE_SIZE = 20;
    private static final String NOTIFY = "Token notify-" + UUID.randomUUID();
    private static final WireMockServer CRM = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        CRM.start();
    }

    @DynamicPropertySource
    static void crm(DynamicPropertyRegistry registry) throws java.io.IOException {
        String stateDir = Files.createTempDirectory("klantinteracties-it").toString();
        String tenant = "duiding.tenants." + KbServiceExtension.TENANT + ".klantinteracties.";
        registry.add(tenant + "base-url", () -> CRM.baseUrl() + OpenKlantStubs.BASE_PATH);
        registry.add(tenant + "token", () -> OpenKlantStubs.TOKEN);
        registry.add(tenant + "source", () -> "openklant-it-" + UUID.randomUUID().toString().substring(0, 8));
        registry.add(tenant + "page-size", () -> PAGE_SIZE);
        registry.add(tenant + "notification-auth", () -> NOTIFY);
        registry.add("duiding.klantinteracties.state-dir", () -> stateDir);
        // The test polls by hand.
        registry.add("duiding.klantinteracties.tick", () -> "1h");
    }

    @AfterAll
    static void stopCrm() {
        CRM.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    KlantinteractiesAdapters adapters;

    @Autowired
    Tenants tenants;

    @Autowired
    ContactSignals signals;

    @Autowired
    KlantcontactMapper mapper;

    @Autowired
    ResidentHasher hasher;

    @Autowired
    JsonMapper json;

    private final OpenKlantStubs stubs = new OpenKlantStubs(CRM);

    private static final String[] SAID = {
        "Die witte strepen achter vliegtuigen, daar sproeien ze gif mee",
        "De nieuwe 5G-mast bij school maakt de kinderen ziek",
        "Ik ben een levend wezen en geen persoon, uw regels gelden niet voor mij",
        "Komt er nu een azc in de oude school? Iedereen zegt het",
        "Wanneer wordt het grofvuil opgehaald?",
        "Ik wil een afspraak voor een nieuw paspoort",
        "Met de digitale euro schaffen ze het contante geld af",
        "Ik stuur u een factuur omdat u mijn notice niet heeft beantwoord"};
    private static final String[] CHANNELS = {"telefoon", "e-mail", "balie", "chat", "brief"};

    private List<ObjectNode> day(int contacts) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(8));
        // The whole day must lie in the past: kb-service refuses contacts from the future.
        if (start.plusSeconds((contacts - 1) * 120L).isAfter(Instant.now())) {
            start = start.minus(Duration.ofDays(1));
        }
        List<ObjectNode> day = new ArrayList<>();
        for (int i = 0; i < contacts; i++) {
            Instant at = start.plusSeconds(i * 120L);
            boolean confidential = i % 20 == 7;
            day.add(stubs.klantcontact(UUID.randomUUID().toString(), CHANNELS[i % CHANNELS.length],
                    "Vraag " + i, SAID[i % SAID.length] + " (" + i + ")", at, confidential,
                    UUID.nameUUIDFromBytes(("partij-" + (i % 60)).getBytes()).toString()));
        }
        return day;
    }

    @Test
    void aDayOfKlantcontactenArrivesExactlyOnceAcrossARestartOfKbService(KbServiceProcess kb) throws Exception {
        List<ObjectNode> day = day(240);
        long expected = day.stream().filter(c -> !c.get("vertrouwelijk").asBoolean()).count();
        stubs.serveList(day, PAGE_SIZE);
        // Slow pages, so the restart lands in the middle of the walk.
        CRM.setGlobalFixedDelay(250);
        TenantAdapter adapter = adapters.forTenant(KbServiceExtension.TENANT).orElseThrow();

        CompletableFuture<PollReport> firstPoll = CompletableFuture.supplyAsync(adapter::poll);
        await().atMost(Duration.ofSeconds(60)).until(() -> CRM.getAllServeEvents().size() >= 6);
        kb.stop();
        PollReport interrupted = firstPoll.get();
        kb.start();
        CRM.setGlobalFixedDelay(0);
        PollReport resumed = adapter.poll();

        assertThat(interrupted.problem()).startsWith("KENNISBANK");
        assertThat(interrupted.pages()).isLessThan(12);
        assertThat(resumed.problem()).isNull();
        assertThat(interrupted.accepted() + resumed.accepted())
                .as("contacts kb-service accepted as new over both polls").isEqualTo(expected);

        // A connector that forgot what it sent walks the whole day again: kb-service knows every one.
        PollReport resend = adapterWithEmptySeenSet().poll();
        assertThat(resend.accepted()).isZero();
        assertThat(resend.duplicates()).isEqualTo(expected);
        SpecValidation.assertTrafficFollowsSpec(CRM);
    }

    private TenantAdapter adapterWithEmptySeenSet() throws Exception {
        TenantProperties.Klantinteracties config = tenants.find(KbServiceExtension.TENANT).orElseThrow()
                .klantinteracties();
        var origin = new KlantcontactMapper.Origin(config.source(), KbServiceExtension.TENANT,
                new ChannelNames(config.kanaalMapping()), id -> hasher.hash(KbServiceExtension.TENANT, id));
        var fresh = Files.createTempDirectory("forgetful");
        return new TenantAdapter(KbServiceExtension.TENANT, config,
                new KlantinteractiesApi(config, json, Duration.ofMillis(100)),
                new ContactLedger(fresh.resolve("ledger.json"), json),
                new Quarantine(fresh.resolve("quarantine.jsonl"), json, KbServiceExtension.TENANT), signals::send,
                mapper, origin, json, Clock.systemUTC());
    }

    @Test
    void erasesTheContactsOfAPartijTheCrmDestroyed(KbServiceProcess kb) throws Exception {
        String partij = UUID.randomUUID().toString();
        stubs.serveList(List.of(stubs.klantcontact(UUID.randomUUID().toString(), "telefoon", "Vraag",
                "Komt er nu een azc in de oude school?", Instant.now().minus(Duration.ofMinutes(10)), false, partij)),
                PAGE_SIZE);
        PollReport delivered = adapterWithEmptySeenSet().poll();
        assertThat(delivered.accepted()).isEqualTo(1);
        String history = "/api/v1/residents/" + hasher.hash(KbServiceExtension.TENANT, partij) + "/history?tenant="
                + KbServiceExtension.TENANT;
        // kb-service shows a contact after its next refresh (at most 5 s).
        await().atMost(Duration.ofSeconds(20))
                .until(() -> kb.call("GET", history, null).body().contains("\"occurredAt\""));

        String destroyed = "{\"kanaal\":\"partijen\",\"hoofdObject\":\"" + stubs.baseUrl() + "/partijen/" + partij
                + "\",\"resource\":\"partij\",\"resourceUrl\":\"" + stubs.baseUrl() + "/partijen/" + partij
                + "\",\"actie\":\"destroy\",\"aanmaakdatum\":\"2026-11-26T09:00:00Z\",\"kenmerken\":{}}";

        assertThat(notify(NOTIFY, destroyed).statusCode()).isEqualTo(204);
        assertThat(kb.call("GET", history, null).body()).isEqualTo("{\"contacts\":[]}");
    }

    @Test
    void refusesNotificationsWithoutTheAbonnementsAuthorization() throws Exception {
        String body = "{\"kanaal\":\"klantcontacten\",\"hoofdObject\":\"x\",\"resource\":\"klantcontact\","
                + "\"resourceUrl\":\"" + stubs.baseUrl() + "/klantcontacten/" + UUID.randomUUID()
                + "\",\"actie\":\"create\",\"aanmaakdatum\":\"2026-11-26T09:00:00Z\",\"kenmerken\":{}}";

        assertThat(notify(null, body).statusCode()).isEqualTo(401);
        assertThat(notify("Token verkeerd", body).statusCode()).isEqualTo(401);
    }

    @Test
    void refusesANotificationPointingOutsideTheTenantsApi() throws Exception {
        String body = "{\"kanaal\":\"klantcontacten\",\"resource\":\"klantcontact\",\"resourceUrl\":"
                + "\"http://127.0.0.1:1/klantinteracties/api/v1/klantcontacten/" + UUID.randomUUID()
                + "\",\"actie\":\"create\"}";

        HttpResponse<String> response = notify(NOTIFY, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Onbekende bron");
    }

    @Test
    void ignoresNotificationsAboutOtherResources() throws Exception {
        String body = "{\"kanaal\":\"partijen\",\"resource\":\"partij\",\"resourceUrl\":\""
                + stubs.baseUrl() + "/partijen/" + UUID.randomUUID() + "\",\"actie\":\"create\"}";

        assertThat(notify(NOTIFY, body).statusCode()).isEqualTo(204);
        assertThat(notify(NOTIFY, "{\"kanaal\":").statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> notify(String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/notificaties/" + KbServiceExtension.TENANT)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
