package nl.duiding.connector.klantinteracties;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import nl.duiding.connector.kb.KbApi;
import nl.duiding.connector.kb.KbUnavailable;
import nl.duiding.connector.tenant.Secret;
import nl.duiding.connector.tenant.TenantProperties;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Klantinteracties adapter against a WireMock OpenKlant whose stubs follow the OpenAPI document, with every
 * failure path of the CRM side. kb-service's side is a recording sink here; the end-to-end run against the real
 * kb-service is {@code StubbedDayIT}.
 */
class TenantAdapterTest {

    private static final int PAGE_SIZE = 2;
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @TempDir
    Path state;

    private WireMockServer crm;
    private OpenKlantStubs stubs;
    private RecordingSink kb;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock = Clock.fixed(NOW, java.time.ZoneOffset.UTC);

    @BeforeEach
    void startCrm() {
        crm = new WireMockServer(wireMockConfig().dynamicPort());
        crm.start();
        stubs = new OpenKlantStubs(crm);
        kb = new RecordingSink();
    }

    @AfterEach
    void stopCrm() {
        crm.stop();
    }

    private TenantProperties.Klantinteracties config(int maxPages) {
        return config(maxPages, Duration.ofSeconds(5));
    }

    /** Generous timeouts except where a timeout is the point: the suite shares two cores with Elasticsearch. */
    private TenantProperties.Klantinteracties config(int maxPages, Duration readTimeout) {
        return new TenantProperties.Klantinteracties(URI.create(stubs.baseUrl()), new Secret(OpenKlantStubs.TOKEN),
                "openklant-gm0363", Duration.ofMinutes(5), PAGE_SIZE, maxPages, Duration.ofDays(14),
                new Secret("notify"), false, Map.of("klantcontactcentrum", "telefoon"), Duration.ofSeconds(5),
                readTimeout, 3);
    }

    /** WireMock journals a request as it answers it; give it a moment before counting. */
    private void assertRequestsToList(int expected) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> crm.verify(expected,
                getRequestedFor(urlPathEqualTo(OpenKlantStubs.BASE_PATH + "/klantcontacten"))));
    }

    private TenantAdapter adapter() {
        return adapter(config(10));
    }

    private TenantAdapter adapter(TenantProperties.Klantinteracties config) {
        var origin = new KlantcontactMapper.Origin("openklant-gm0363", "GM0363", new ChannelNames(
                config.kanaalMapping()), id -> id == null ? null : "hash-of-" + Integer.toHexString(id.hashCode()));
        return new TenantAdapter("GM0363", config, new KlantinteractiesApi(config, json, Duration.ofMillis(20)),
                new ContactLedger(state.resolve("ledger.json"), json),
                new Quarantine(state.resolve("quarantine.jsonl"), json, "GM0363"), kb, new KlantcontactMapperImpl(),
                origin, json, clock);
    }

    private List<ObjectNode> contacts(int n) {
        List<ObjectNode> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(stubs.klantcontact(i % 2 == 0 ? "telefoon" : "E-mail",
                    "Inwoner vraagt of de witte strepen achter vliegtuigen gif zijn (" + i + ")",
                    NOW.minus(i + 1, ChronoUnit.HOURS)));
        }
        return all;
    }

    private static Set<String> ids(List<ObjectNode> contacts) {
        Set<String> ids = new HashSet<>();
        contacts.forEach(c -> ids.add(c.get("uuid").asString()));
        return ids;
    }

    @Test
    void bringsEveryKlantcontactOfAllPagesIntoKbServiceOnce() {
        List<ObjectNode> all = contacts(5);
        stubs.serveList(all, PAGE_SIZE);

        PollReport first = adapter().poll();
        PollReport second = adapter().poll();

        assertThat(first.problem()).isNull();
        assertThat(first.pages()).isEqualTo(3);
        assertThat(first.accepted()).isEqualTo(5);
        assertThat(kb.sentIds()).containsExactlyInAnyOrderElementsOf(ids(all));
        assertThat(second.accepted() + second.duplicates()).isZero();
        assertThat(kb.sent).hasSize(5);
        KbApi.Signal signal = kb.sent.stream().filter(s -> s.externalId().equals(all.get(1).get("uuid").asString()))
                .findFirst().orElseThrow();
        assertThat(signal.source()).isEqualTo("openklant-gm0363");
        assertThat(signal.tenant()).isEqualTo("GM0363");
        assertThat(signal.channel()).isEqualTo("email");
        assertThat(signal.occurredAt()).isEqualTo(NOW.minus(2, ChronoUnit.HOURS));
        assertThat(signal.text()).contains("witte strepen");
        String partij = all.get(1).get("_expand").get("hadBetrokkenen").get(0).get("wasPartij").get("uuid").asString();
        assertThat(signal.residentHash()).isNotBlank().doesNotContain(partij);
        SpecValidation.assertTrafficFollowsSpec(crm);
    }

    @Test
    void leavesVertrouwelijkeContactenInTheCrm() {
        ObjectNode secret = stubs.klantcontact(UUID.randomUUID().toString(), "telefoon", "Melding",
                "Vertrouwelijke melding over een buurman", NOW.minusSeconds(600), true, null);
        ObjectNode open = stubs.klantcontact("telefoon", "Vraag over 5G-masten", NOW.minusSeconds(300));
        stubs.serveList(List.of(secret, open), PAGE_SIZE);

        PollReport report = adapter().poll();

        assertThat(report.confidential()).isEqualTo(1);
        assertThat(kb.sentIds()).containsExactly(open.get("uuid").asString());
        assertThat(kb.sent).noneMatch(s -> s.text() != null && s.text().contains("buurman"));
        SpecValidation.assertTrafficFollowsSpec(crm);
    }

    @Test
    void quarantinesMalformedRecordsAndDeliversTheRest() {
        ObjectNode good = stubs.klantcontact("telefoon", "Vraag over chemtrails", NOW.minusSeconds(60));
        ObjectNode noTime = stubs.klantcontact("telefoon", "Zonder tijdstip", NOW.minusSeconds(60));
        noTime.remove("plaatsgevondenOp");
        ObjectNode unknownChannel = stubs.klantcontact("postduif", "Onbekend kanaal", NOW.minusSeconds(60));
        ObjectNode wrongType = stubs.klantcontact("telefoon", "Verkeerd type", NOW.minusSeconds(60));
        wrongType.put("plaatsgevondenOp", "gisteren rond de middag");
        crm.stubFor(OpenKlantStubs.listPage(1).willReturn(OpenKlantStubs.okJson(
                stubs.page(4, null, null, List.of(noTime, good, unknownChannel, wrongType)))));

        PollReport report = adapter().poll();

        assertThat(report.problem()).isNull();
        assertThat(report.quarantined()).isEqualTo(3);
        assertThat(kb.sentIds()).containsExactly(good.get("uuid").asString());
        var quarantined = new Quarantine(state.resolve("quarantine.jsonl"), json, "GM0363").entries();
        assertThat(quarantined).extracting(Quarantine.Entry::id).containsExactlyInAnyOrder(
                noTime.get("uuid").asString(), unknownChannel.get("uuid").asString(), wrongType.get("uuid").asString());
        assertThat(quarantined).extracting(Quarantine.Entry::reason).anyMatch(r -> r.contains("plaatsgevondenOp"))
                .anyMatch(r -> r.contains("onbekend kanaal 'postduif'"));
        // Reported once: the next poll does not quarantine them again.
        assertThat(adapter().poll().quarantined()).isZero();
    }

    @Test
    void stopsOnARejectedTokenWithoutRetrying() {
        crm.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"detail\":\"Ongeldige token.\"}")));

        PollReport report = adapter().poll();

        assertThat(report.problem()).startsWith("TOKEN_GEWEIGERD");
        assertRequestsToList(1);
        assertThat(kb.sent).isEmpty();
    }

    @Test
    void reportsAWrongBaseUrlAsNotFound() {
        crm.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(404)));

        PollReport report = adapter().poll();

        assertThat(report.problem()).startsWith("NIET_GEVONDEN");
        assertThat(kb.sent).isEmpty();
    }

    @Test
    void waitsAndRetriesWhenTheCrmAnswers429() {
        List<ObjectNode> all = contacts(1);
        crm.stubFor(OpenKlantStubs.listPage(1).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("calm"));
        crm.stubFor(OpenKlantStubs.listPage(1).inScenario("busy").whenScenarioStateIs("calm")
                .willReturn(OpenKlantStubs.okJson(stubs.page(1, null, null, all))));

        long started = System.nanoTime();
        PollReport report = adapter().poll();

        assertThat(report.problem()).isNull();
        assertThat(kb.sentIds()).containsExactlyElementsOf(ids(all));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertRequestsToList(2);
    }

    @Test
    void givesUpAfterRepeatedServerErrorsAndLosesNothing() {
        List<ObjectNode> all = contacts(3);
        crm.stubFor(get(anyUrl()).atPriority(1).willReturn(aResponse().withStatus(500)));

        PollReport failed = adapter().poll();

        assertThat(failed.problem()).startsWith("NIET_BESCHIKBAAR").contains("500 after 3 attempts");
        assertRequestsToList(3);
        assertThat(kb.sent).isEmpty();

        crm.resetAll();
        stubs.serveList(all, PAGE_SIZE);
        PollReport recovered = adapter().poll();
        assertThat(recovered.problem()).isNull();
        assertThat(kb.sentIds()).containsExactlyInAnyOrderElementsOf(ids(all));
    }

    @Test
    void retriesAfterATimeout() {
        List<ObjectNode> all = contacts(1);
        crm.stubFor(OpenKlantStubs.listPage(1).inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(OpenKlantStubs.okJson(stubs.page(1, null, null, all)).withFixedDelay(2500))
                .willSetStateTo("fast"));
        crm.stubFor(OpenKlantStubs.listPage(1).inScenario("slow").whenScenarioStateIs("fast")
                .willReturn(OpenKlantStubs.okJson(stubs.page(1, null, null, all))));

        PollReport report = adapter(config(10, Duration.ofMillis(800))).poll();

        assertThat(report.problem()).isNull();
        assertThat(kb.sentIds()).containsExactlyElementsOf(ids(all));
        assertRequestsToList(2);
    }

    @Test
    void stopsAtMalformedJsonAndPicksUpFromThereNextPoll() {
        List<ObjectNode> all = contacts(4);
        stubs.serveList(all, PAGE_SIZE);
        crm.stubFor(OpenKlantStubs.listPage(2).atPriority(1).willReturn(OpenKlantStubs.okJson("{broken json")));

        PollReport broken = adapter().poll();

        assertThat(broken.problem()).startsWith("ONGELDIG_ANTWOORD");
        assertThat(kb.sentIds()).containsExactlyInAnyOrderElementsOf(ids(all.subList(0, 2)));

        crm.resetAll();
        stubs.serveList(all, PAGE_SIZE);
        PollReport fixed = adapter().poll();
        assertThat(fixed.problem()).isNull();
        assertThat(fixed.accepted()).isEqualTo(2);
        assertThat(kb.sent).hasSize(4);
        assertThat(kb.sentIds()).containsExactlyInAnyOrderElementsOf(ids(all));
    }

    @Test
    void detectsANextLinkThatLoopsBack() {
        List<ObjectNode> all = contacts(4);
        crm.stubFor(OpenKlantStubs.listPage(1).willReturn(OpenKlantStubs.okJson(
                stubs.page(4, stubs.pageUrl(2, PAGE_SIZE), null, all.subList(0, 2)))));
        crm.stubFor(OpenKlantStubs.listPage(2).willReturn(OpenKlantStubs.okJson(
                stubs.page(4, stubs.pageUrl(1, PAGE_SIZE), null, all.subList(2, 4)))));

        PollReport report = adapter().poll();

        assertThat(report.problem()).startsWith("PAGINERING").contains("leads back");
        assertThat(report.pages()).isEqualTo(2);
        assertThat(kb.sent).hasSize(4);
        SpecValidation.assertTrafficFollowsSpec(crm);
    }

    @Test
    void stopsAtThePageLimitAndSaysSo() {
        stubs.serveList(contacts(7), PAGE_SIZE);

        PollReport report = adapter(config(2)).poll();

        assertThat(report.problem()).startsWith("PAGINERING").contains("max-pages");
        assertThat(kb.sent).hasSize(4);
    }

    @Test
    void neverFollowsANextLinkOffTheCrm() {
        WireMockServer elsewhere = new WireMockServer(wireMockConfig().dynamicPort());
        elsewhere.start();
        try {
            List<ObjectNode> all = contacts(2);
            crm.stubFor(OpenKlantStubs.listPage(1).willReturn(OpenKlantStubs.okJson(stubs.page(3,
                    elsewhere.baseUrl() + OpenKlantStubs.BASE_PATH + "/klantcontacten?page=2", null, all))));

            PollReport report = adapter().poll();

            assertThat(report.problem()).startsWith("PAGINERING").contains("leaves");
            assertThat(elsewhere.getAllServeEvents()).isEmpty();
            assertThat(kb.sent).hasSize(2);
        } finally {
            elsewhere.stop();
        }
    }

    @Test
    void remembersNothingWhileKbServiceIsDownAndResendsNextPoll() {
        List<ObjectNode> all = contacts(3);
        stubs.serveList(all, PAGE_SIZE);
        kb.down = true;

        PollReport down = adapter().poll();

        assertThat(down.problem()).startsWith("KENNISBANK");
        assertThat(new ContactLedger(state.resolve("ledger.json"), json).size()).isZero();

        kb.down = false;
        PollReport up = adapter().poll();
        assertThat(up.accepted()).isEqualTo(3);
        assertThat(kb.sentIds()).containsExactlyInAnyOrderElementsOf(ids(all));
    }

    @Test
    void quarantinesWhatKbServiceRejectsAndKeepsTheRest() {
        List<ObjectNode> all = contacts(3);
        stubs.serveList(all, PAGE_SIZE);
        String rejected = all.get(1).get("uuid").asString();
        kb.reject.add(rejected);

        PollReport report = adapter().poll();

        assertThat(report.accepted()).isEqualTo(2);
        assertThat(report.quarantined()).isEqualTo(1);
        assertThat(new Quarantine(state.resolve("quarantine.jsonl"), json, "GM0363").entries())
                .extracting(Quarantine.Entry::id).containsExactly(rejected);
        assertThat(adapter().poll().accepted() + kb.attemptsFor(rejected)).isEqualTo(1);
    }

    @Test
    void sendsAgainWhatKbServiceCouldNotStoreThisTime() {
        List<ObjectNode> all = contacts(2);
        stubs.serveList(all, PAGE_SIZE);
        String unlucky = all.get(0).get("uuid").asString();
        kb.failOnce.add(unlucky);

        PollReport first = adapter().poll();
        PollReport second = adapter().poll();

        assertThat(first.retryLater()).isEqualTo(1);
        assertThat(first.quarantined()).isZero();
        assertThat(second.accepted()).isEqualTo(1);
        assertThat(kb.attemptsFor(unlucky)).isEqualTo(2);
        assertThat(new Quarantine(state.resolve("quarantine.jsonl"), json, "GM0363").entries()).isEmpty();
    }

    @Test
    void skipsContactsOlderThanTheHorizon() {
        ObjectNode old = stubs.klantcontact("telefoon", "Oude vraag", NOW.minus(30, ChronoUnit.DAYS));
        ObjectNode recent = stubs.klantcontact("telefoon", "Nieuwe vraag", NOW.minusSeconds(30));
        stubs.serveList(List.of(recent, old), PAGE_SIZE);

        PollReport report = adapter().poll();

        assertThat(report.tooOld()).isEqualTo(1);
        assertThat(kb.sentIds()).containsExactly(recent.get("uuid").asString());
    }

    @Test
    void theSeenSetSurvivesARestartOfTheConnector() throws Exception {
        List<ObjectNode> all = contacts(3);
        stubs.serveList(all, PAGE_SIZE);
        adapter().poll();
        assertThat(Files.readString(state.resolve("ledger.json"))).contains(all.get(0).get("uuid").asString());

        PollReport afterRestart = adapter().poll();

        assertThat(afterRestart.accepted() + afterRestart.duplicates()).isZero();
        assertThat(kb.sent).hasSize(3);
    }

    @Test
    void fetchesANotifiedKlantcontactFromItsOwnApiOnly() {
        ObjectNode contact = stubs.klantcontact("chat", "Is de nieuwe pandemie al gepland?", NOW.minusSeconds(5));
        String uuid = contact.get("uuid").asString();
        crm.stubFor(get(urlPathEqualTo(OpenKlantStubs.BASE_PATH + "/klantcontacten/" + uuid))
                .willReturn(OpenKlantStubs.okJson(json.writeValueAsString(contact))));
        TenantAdapter adapter = adapter();

        PollReport report = adapter.notified(URI.create(stubs.baseUrl() + "/klantcontacten/" + uuid));

        assertThat(report.accepted()).isEqualTo(1);
        assertThat(kb.sentIds()).containsExactly(uuid);
        assertThat(adapter.api().ownsUrl(URI.create("http://127.0.0.1:1/klantinteracties/api/v1/klantcontacten/x")))
                .isFalse();
        SpecValidation.assertTrafficFollowsSpec(crm);
    }

    @Test
    void writesTheConfirmedNarrativeBackAsAnOnderwerpobjectTheApiAccepts() {
        String contact = UUID.randomUUID().toString();
        crm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                urlPathEqualTo(OpenKlantStubs.BASE_PATH + "/onderwerpobjecten")).willReturn(aResponse().withStatus(201)
                        .withHeader("Content-Type", "application/json").withBody("{\"uuid\":\"" + UUID.randomUUID()
                                + "\",\"url\":\"" + stubs.baseUrl() + "/onderwerpobjecten/x\",\"klantcontact\":{\"uuid\":\""
                                + contact + "\",\"url\":\"" + stubs.baseUrl() + "/klantcontacten/" + contact
                                + "\"},\"onderwerpobjectidentificator\":{\"objectId\":"
                                + "\"chemtrails\",\"codeObjecttype\":\"narratief\",\"codeRegister\":\"duiding\","
                                + "\"codeSoortObjectId\":\"slug\"}}")));

        adapter().api().post("/onderwerpobjecten", WriteBack.onderwerpobject(json, contact, "chemtrails"));

        crm.verify(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                urlPathEqualTo(OpenKlantStubs.BASE_PATH + "/onderwerpobjecten"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        "Token " + OpenKlantStubs.TOKEN))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("\"objectId\":\"chemtrails\"")));
        SpecValidation.assertTrafficFollowsSpec(crm);
    }

    /** kb-service's signal bulk as the contract describes it: deduplicated by source + externalId. */
    static final class RecordingSink implements SignalSink {
        final List<KbApi.Signal> sent = new ArrayList<>();
        final Set<String> known = new HashSet<>();
        final Set<String> reject = new HashSet<>();
        final Set<String> failOnce = new HashSet<>();
        volatile boolean down;

        @Override
        public synchronized List<KbApi.SignalResult> send(List<KbApi.Signal> signals) {
            if (down) {
                throw new KbUnavailable("kb-service not reachable: ConnectException", 0, null);
            }
            List<KbApi.SignalResult> results = new ArrayList<>();
            for (int i = 0; i < signals.size(); i++) {
                KbApi.Signal s = signals.get(i);
                sent.add(s);
                if (failOnce.remove(s.externalId())) {
                    results.add(new KbApi.SignalResult(i, s.externalId(), "rejected", new KbApi.ItemProblem(
                            "https://duiding.nl/problemen/opslag-mislukt", "Opslag mislukt", "test", null)));
                    continue;
                }
                String status = reject.contains(s.externalId()) ? "rejected"
                        : known.add(s.source() + "|" + s.externalId()) ? "accepted" : "duplicate";
                results.add(new KbApi.SignalResult(i, s.externalId(), status, "rejected".equals(status)
                        ? new KbApi.ItemProblem("https://duiding.nl/problemen/onbekend-verhaal", "Onbekend verhaal",
                                "test", "confirmedSlugs[0]") : null));
            }
            return results;
        }

        synchronized List<String> sentIds() {
            return sent.stream().map(KbApi.Signal::externalId).toList();
        }

        synchronized long attemptsFor(String id) {
            return sent.stream().filter(s -> s.externalId().equals(id)).count();
        }
    }
}
