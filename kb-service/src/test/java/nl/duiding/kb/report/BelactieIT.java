package nl.duiding.kb.report;

import static nl.duiding.kb.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import nl.duiding.kb.campaign.CampaignDetector;
import nl.duiding.kb.lease.ClusterLeases;
import nl.duiding.kb.narrative.TenantCode;
import nl.duiding.kb.simulation.ContactStream;
import nl.duiding.kb.simulation.DetectionEvaluation;
import nl.duiding.kb.support.IsolatedIndices;
import nl.duiding.kb.support.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Belactie detection, the daily report and the campaign lifecycle against the real node, on a simulated stream
 * (seed 42, not one of the seeds the thresholds were set on).
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BelactieIT {

    @RegisterExtension
    static final IsolatedIndices INDICES = new IsolatedIndices();
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final int DAYS = 3;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        INDICES.registerWithTestUsers(registry);
        registry.add("duiding.content.dir", () -> "../content");
        registry.add("duiding.scheduling.enabled", () -> "false");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    ElasticsearchClient client;
    @Autowired
    CampaignDetector detector;
    @Autowired
    DailyReportScheduler scheduler;
    @Autowired
    ClusterLeases leases;

    ContactStream.Stream2 stream;
    LocalDate firstDay;

    @BeforeAll
    void feedSimulatedStream() throws Exception {
        firstDay = LocalDate.now(ZONE).minusDays(DAYS);
        stream = ContactStream.fromContent(Path.of("../content")).generate(new ContactStream.Settings(42, firstDay,
                DAYS, ZONE, 700, 80, 14, 1, 3));
        feed(stream.contacts());
        client.indices().refresh(r -> r.index(INDICES.prefix() + "-*"));
    }

    private void feed(List<ContactStream.Contact> contacts) throws Exception {
        SignalFeed.feed(mvc, json, new TenantCode("GM0363"), contacts);
    }

    private String report(LocalDate day, String suffix) throws Exception {
        return mvc.perform(get("/api/v1/reports/daily/" + day + suffix).with(as(TestUsers.ANALIST)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void reportsEveryInjectedCampaignAndNoRepeatCallerAsCampaign() throws Exception {
        Map<LocalDate, List<String>> reported = new LinkedHashMap<>();
        int repeatRows = 0;
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = firstDay.plusDays(d);
            JsonNode report = json.readTree(report(day, ""));
            List<String> templates = new ArrayList<>();
            report.get("campaigns").forEach(c -> templates.add(c.get("template").asString()));
            reported.put(day, templates);
            repeatRows += report.get("repeatContacts").size();
        }
        DetectionEvaluation.Result result = DetectionEvaluation.evaluate(stream, ZONE, reported);

        // The stream starts on the tenant's first day: a campaign that arrives then like the day's other contacts is
        // seen from the second day on (the cold start), so recall counts the days with history.
        assertThat(result.eligible() - result.eligibleOnFirstDay()).as("the stream must hold campaigns to find")
                .isGreaterThanOrEqualTo(2);
        assertThat(result.recallWithHistory()).as(String.join("\n", result.notes())).isGreaterThanOrEqualTo(0.95);
        assertThat(result.falseCampaigns()).as(String.join("\n", result.notes())).isLessThanOrEqualTo(1);
        assertThat(result.repeatCallersAsCampaign()).isZero();
        assertThat(repeatRows).as("repeat callers are reported separately").isGreaterThanOrEqualTo(1);
    }

    @Test
    void reportHoldsNoPersonalDataInAnyForm() throws Exception {
        LocalDate day = firstDay.plusDays(1);
        String all = report(day, "") + report(day, ".html") + report(day, ".csv");
        for (ContactStream.Contact c : stream.contacts()) {
            assertThat(all).doesNotContain(c.residentHash()).doesNotContain(c.externalId() + "\"");
        }
        assertThat(all).doesNotContainPattern("06-\\d{8}").doesNotContainPattern("\\b\\d{4} [A-Z]{2}\\b")
                .doesNotContain("<script");
        String html = report(day, ".html");
        assertThat(html).contains("<html lang=\"nl\"").contains("<svg role=\"img\"").contains("Dagrapport belacties")
                .contains("Verloop per uur").contains("Herhaald contact");
        String csv = report(day, ".csv");
        assertThat(csv).startsWith("sectie;onderwerp;aantal;verwacht;inwoners;toelichting").contains("\r\nkanaal;");
    }

    @Test
    void anAnalystSeesOnlyTheOwnMunicipality() throws Exception {
        mvc.perform(get("/api/v1/reports/daily/" + firstDay).param("tenant", "GM0599").with(as(TestUsers.ANALIST)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/reports/daily/" + firstDay).with(as(TestUsers.KCC))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/reports/daily/niet-een-datum").with(as(TestUsers.ANALIST)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/campaigns/active").with(as(TestUsers.KCC_ROTTERDAM)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.campaigns", hasSize(0)));
    }

    @Test
    void aRunningCampaignReachesTheSidebarAndFollowsItsLifecycle() throws Exception {
        // A scripted call wave that is happening now: 35 residents within the last half hour.
        List<ContactStream.Contact> wave = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < 35; i++) {
            wave.add(new ContactStream.Contact("live-" + i, now.minusSeconds(60L * (i % 30)), "telefoon",
                    "ik bel omdat in de groepsapp staat dat de gemeente stiekem chemtrails laat spuiten boven de "
                            + "school van mijn kind, beller nummer " + i + " uit de wijk",
                    "live-resident-" + String.format("%08d", i) + "abcdefgh", List.of("chemtrails"), List.of(),
                    "belactie", 999));
        }
        feed(wave);
        client.indices().refresh(r -> r.index(INDICES.prefix() + "-*"));

        var found = detector.detect(new TenantCode("GM0363"), Instant.now());
        assertThat(found).anySatisfy(c -> assertThat(c.slug()).isEqualTo("chemtrails"));
        String id = found.stream().filter(c -> "chemtrails".equals(c.slug())).findFirst().orElseThrow().id();

        mvc.perform(get("/api/v1/campaigns/active").param("tenant", "GM0363").with(as(TestUsers.CONNECTOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.campaigns[?(@.id == '" + id + "')].status").value("gedetecteerd"))
                .andExpect(jsonPath("$.campaigns[?(@.id == '" + id + "')].residents").value(35));
        mvc.perform(post("/api/v1/match").with(as(TestUsers.KCC)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"spuiten ze chemtrails boven de school? dat staat in de groepsapp\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.belacties[?(@.id == '" + id + "')].slug").value("chemtrails"));

        mvc.perform(post("/api/v1/campaigns/" + id + "/confirm").with(as(TestUsers.ANALIST))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"shortScript\": \"Er worden geen stoffen gespoten; dit is een bekend gerucht.\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("bevestigd"));
        mvc.perform(post("/api/v1/campaigns/" + id + "/confirm").with(as(TestUsers.KCC)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/campaigns/active").with(as(TestUsers.KCC)))
                .andExpect(jsonPath("$.campaigns[?(@.id == '" + id + "')].shortScript")
                        .value("Er worden geen stoffen gespoten; dit is een bekend gerucht."));
        mvc.perform(post("/api/v1/campaigns/" + id + "/close").with(as(TestUsers.ANALIST)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("afgesloten"));
        mvc.perform(post("/api/v1/campaigns/" + id + "/close").with(as(TestUsers.ANALIST)))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/campaigns/active").with(as(TestUsers.KCC)))
                .andExpect(jsonPath("$.campaigns[?(@.id == '" + id + "')]").isEmpty());
    }

    @Test
    void theMorningReportIsMadeExactlyOnceByCompetingInstances() throws Exception {
        LocalDate day = firstDay.plusDays(2);
        var pool = Executors.newFixedThreadPool(2);
        AtomicInteger made = new AtomicInteger();
        try {
            // Two instances (two lease owners) claim the same job at the same moment.
            List<Callable<Boolean>> instances = List.of(
                    () -> leases.newInstance().once("test-job:" + day, Duration.ofMinutes(1), made::incrementAndGet),
                    () -> leases.newInstance().once("test-job:" + day, Duration.ofMinutes(1), made::incrementAndGet));
            pool.invokeAll(instances);
        } finally {
            pool.shutdown();
        }
        assertThat(made.get()).isEqualTo(1);

        assertThat(scheduler.run(day)).containsExactly(new TenantCode("GM0363"));
        assertThat(scheduler.run(day)).isEmpty();
        mvc.perform(get("/api/v1/reports/daily/" + day).with(as(TestUsers.ANALIST)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.tenant").value("GM0363"));
    }
}
