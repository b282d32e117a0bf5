package nl.duiding.kb.audit;

import static nl.duiding.kb.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import nl.duiding.kb.narrative.Narrative;
import nl.duiding.kb.narrative.TenantCode;
import nl.duiding.kb.support.IsolatedIndices;
import nl.duiding.kb.support.NarrativeSamples;
import nl.duiding.kb.support.TestIndices;
import nl.duiding.kb.support.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * Editorial, admin and export actions leave an entry in the audit log in Elasticsearch — who, what, when, which
 * narrative and tenant, how it went — that only beheerders can read, filtered by time, actor and action, and that
 * holds none of the text that was edited.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLogIT {

    @RegisterExtension
    static final IsolatedIndices INDICES = new IsolatedIndices();
    /**
     * Personal data of a resident, as an editor might carelessly paste it into a narrative: the kinds a save still
     * lets through (a phone number, e-mail address or BSN is refused, see BadInputIT), which the audit log must not
     * copy either.
     */
    private static final List<String> PERSONAL = List.of("mevrouw Jansen-de Wit", "Kerkstraat 12", "3512 JK");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        INDICES.registerWithTestUsers(registry);
        registry.add("duiding.content.import-on-start", () -> "false");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    AuditLog log;
    @Autowired
    AuditRetention retention;

    @BeforeAll
    void editorialDay() throws Exception {
        Narrative careless = withBackground(NarrativeSamples.narrative("audit-proef"),
                "Een inwoner (" + String.join(", ", PERSONAL) + ") belde hierover.");
        String etag = mvc.perform(post("/api/v1/narratives").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(careless)).with(as(TestUsers.REDACTEUR)))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader(HttpHeaders.ETAG);
        etag = act("audit-proef", "submit", etag, TestUsers.REDACTEUR, 200);
        // A redacteur may not publish: refused by the access matrix.
        act("audit-proef", "publish", etag, TestUsers.REDACTEUR_2, 403);
        etag = act("audit-proef", "publish", etag, TestUsers.EINDREDACTEUR, 200);

        // Four eyes: the final editor who made the last change may not publish it.
        String own = mvc.perform(post("/api/v1/narratives").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(NarrativeSamples.narrative("audit-eigen")))
                        .with(as(TestUsers.EINDREDACTEUR)))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader(HttpHeaders.ETAG);
        own = act("audit-eigen", "submit", own, TestUsers.EINDREDACTEUR, 200);
        act("audit-eigen", "publish", own, TestUsers.EINDREDACTEUR, 403);

        // Local narratives of two municipalities, for the municipal beheerder's view.
        mvc.perform(post("/api/v1/narratives").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(NarrativeSamples.narrative("audit-amsterdam", new TenantCode("GM0363"),
                        "Gerucht in Amsterdam"))).with(as(TestUsers.REDACTEUR_AMSTERDAM)))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/narratives").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(NarrativeSamples.narrative("audit-rotterdam", new TenantCode("GM0599"),
                        "Gerucht in Rotterdam"))).with(as(TestUsers.REDACTEUR_ROTTERDAM)))
                .andExpect(status().isCreated());

        mvc.perform(get("/api/v1/content/export.zip").with(as(TestUsers.BEHEERDER))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/audit").with(as(TestUsers.KCC))).andExpect(status().isForbidden());
        mvc.perform(formLogin("/redactie/inloggen").user(TestUsers.REDACTEUR_2).password(TestUsers.PASSWORD));
        log.refresh();
    }

    @Test
    void recordsWhoDidWhatToWhichNarrativeAndHowItWent() throws Exception {
        List<Map<String, Object>> entries = entries(TestUsers.BEHEERDER, "size", "200");
        assertThat(entries).anySatisfy(e -> assertThat(e).containsEntry("actor", TestUsers.REDACTEUR)
                .containsEntry("action", "verhaal.aangemaakt").containsEntry("outcome", "gelukt")
                .containsEntry("subject", "audit-proef").containsEntry("tenant", "nationaal").containsEntry("version", 1)
                .containsEntry("actorRoles", List.of("redacteur")).containsKey("at"));
        assertThat(entries).anySatisfy(e -> assertThat(e).containsEntry("actor", TestUsers.EINDREDACTEUR)
                .containsEntry("action", "verhaal.gepubliceerd").containsEntry("outcome", "gelukt")
                .containsEntry("subject", "audit-proef"));
        assertThat(entries).anySatisfy(e -> assertThat(e).containsEntry("actor", TestUsers.EINDREDACTEUR)
                .containsEntry("action", "verhaal.gepubliceerd").containsEntry("outcome", "geweigerd")
                .containsEntry("reason", "vier-ogen").containsEntry("subject", "audit-eigen"));
        assertThat(entries).anySatisfy(e -> assertThat(e).containsEntry("actor", TestUsers.REDACTEUR_2)
                .containsEntry("action", "toegang.geweigerd")
                .containsEntry("subject", "POST /api/v1/narratives/{slug}/publish"));
        assertThat(entries).anySatisfy(e -> assertThat(e).containsEntry("actor", TestUsers.KCC)
                .containsEntry("action", "toegang.geweigerd").containsEntry("subject", "GET /api/v1/audit"));
        assertThat(entries).anySatisfy(e -> assertThat(e).containsEntry("actor", TestUsers.BEHEERDER)
                .containsEntry("action", "content.export.zip").containsEntry("counts", Map.of("bestanden", 1)));
        assertThat(entries).anySatisfy(e -> assertThat(e).containsEntry("actor", TestUsers.REDACTEUR_2)
                .containsEntry("action", "inloggen"));
        // Newest first.
        List<Instant> times = entries.stream().map(e -> Instant.parse((String) e.get("at"))).toList();
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void filtersByActorActionAndTime() throws Exception {
        assertThat(entries(TestUsers.BEHEERDER, "actor", TestUsers.REDACTEUR)).isNotEmpty()
                .allSatisfy(e -> assertThat(e).containsEntry("actor", TestUsers.REDACTEUR));
        assertThat(entries(TestUsers.BEHEERDER, "action", "verhaal.ter-review")).hasSize(2)
                .allSatisfy(e -> assertThat(e).containsEntry("action", "verhaal.ter-review"));
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(entries(TestUsers.BEHEERDER, "from", today, "to", today, "action", "verhaal.aangemaakt"))
                .hasSize(4);
        assertThat(entries(TestUsers.BEHEERDER, "to", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString()))
                .isEmpty();
        assertThat(entries(TestUsers.BEHEERDER, "from", Instant.now().plus(1, ChronoUnit.HOURS).toString()))
                .isEmpty();
        mvc.perform(get("/api/v1/audit").param("from", "gisteren").with(as(TestUsers.BEHEERDER)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.title").value("Ongeldige parameter"));
        mvc.perform(get("/api/v1/audit").param("from", "2026-11-27").param("to", "2026-11-26")
                .with(as(TestUsers.BEHEERDER))).andExpect(status().isBadRequest());
    }

    @Test
    void showsAMunicipalBeheerderOnlyItsOwnOrganisation() throws Exception {
        List<Map<String, Object>> entries = entries(TestUsers.BEHEERDER_AMSTERDAM, "size", "200");
        assertThat(entries).anySatisfy(e -> assertThat(e).containsEntry("subject", "audit-amsterdam"));
        assertThat(entries).allSatisfy(e -> assertThat(List.of(String.valueOf(e.get("tenant")),
                String.valueOf(e.get("actorTenant")))).contains("GM0363"));
        assertThat(entries).noneSatisfy(e -> assertThat(e).containsEntry("subject", "audit-rotterdam"));
    }

    @Test
    void holdsNoTextThatWasEditedLetAloneResidentsData() throws Exception {
        HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(TestIndices.url()
                + "/" + INDICES.prefix() + "-audit/_search?size=1000")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(raw.statusCode()).isEqualTo(200);
        List<Map<String, Object>> sources = JsonPath.read(raw.body(), "$.hits.hits[*]._source");
        assertThat(sources).hasSizeGreaterThan(10);
        for (Map<String, Object> source : sources) {
            assertThat(source.keySet()).isSubsetOf("at", "actor", "actorTenant", "actorRoles", "action", "outcome",
                    "tenant", "subject", "version", "reason", "counts");
        }
        for (String personal : PERSONAL) {
            assertThat(raw.body()).doesNotContain(personal);
        }
        assertThat(raw.body()).doesNotContain("Gerucht in Amsterdam").doesNotContain("Inwoners vertellen elkaar");
    }

    @Test
    void isReadableByBeheerdersOnlyAndReadingItIsRecorded() throws Exception {
        for (String user : List.of(TestUsers.KCC, TestUsers.REDACTEUR, TestUsers.EINDREDACTEUR, TestUsers.ANALIST,
                TestUsers.CONNECTOR)) {
            mvc.perform(get("/api/v1/audit").with(as(user))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/v1/audit").with(as(TestUsers.BEHEERDER))).andExpect(status().isOk());
        log.refresh();
        assertThat(entries(TestUsers.BEHEERDER, "action", "auditlog.ingezien")).isNotEmpty();
    }

    @Test
    void dropsWholeMonthsOlderThanTheRetentionPeriod() throws Exception {
        Instant longAgo = Instant.now().minus(3 * 366, ChronoUnit.DAYS);
        log.append(new AuditEntry(longAgo, "oud", null, List.of(), "verhaal.bewerkt", "gelukt", "nationaal", "oud",
                1, null, null));
        String oldIndex = INDICES.prefix() + "-audit-v1-" + AuditLog.MONTH.format(longAgo);
        String currentIndex = INDICES.prefix() + "-audit-v1-" + AuditLog.MONTH.format(Instant.now());
        assertThat(log.monthlyIndices()).contains(oldIndex, currentIndex);

        assertThat(retention.run()).containsExactly(oldIndex);
        assertThat(log.monthlyIndices()).doesNotContain(oldIndex).contains(currentIndex);
    }

    private String act(String slug, String action, String etag, String user, int expected) throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/narratives/" + slug + "/" + action)
                .header(HttpHeaders.IF_MATCH, etag).with(as(user))).andExpect(status().is(expected)).andReturn();
        String next = result.getResponse().getHeader(HttpHeaders.ETAG);
        return next == null ? etag : next;
    }

    private List<Map<String, Object>> entries(String user, String... params) throws Exception {
        var request = get("/api/v1/audit").with(as(user));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        String body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.entries");
    }

    private static Narrative withBackground(Narrative n, String background) {
        return new Narrative(n.slug(), n.title(), n.summary(), n.category(), n.tags(), n.risk(), n.tenant(),
                n.validFrom(), n.validUntil(), n.reviewBy(), n.triggers(), n.scripts(), n.legalPosition(),
                n.legalBasis(), n.safetySignals(), n.playbook(), n.sources(), n.related(), background);
    }
}
