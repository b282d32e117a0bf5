package nl.duiding.kb.signal;

import static nl.duiding.kb.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import nl.duiding.kb.index.IndexNames;
import nl.duiding.kb.support.IsolatedIndices;
import nl.duiding.kb.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/v1/signals}, feedback, history, erasure and retention against the real node. */
@SpringBootTest
@AutoConfigureMockMvc
class SignalIntakeIT {

    @RegisterExtension
    static final IsolatedIndices INDICES = new IsolatedIndices();

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
    SignalIndices indices;
    @Autowired
    SignalRetention retention;
    @Autowired
    IndexNames names;

    static Map<String, Object> signal(String externalId) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("source", "openklant-test");
        s.put("externalId", externalId);
        s.put("tenant", "GM0363");
        s.put("channel", "telefoon");
        s.put("occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        s.put("text", "beller vraagt of de chemtrails boven de wijk gevaarlijk zijn, bsn 111222333, tel 06-12345678");
        s.put("residentHash", "res-" + UUID.randomUUID().toString().replace("-", ""));
        s.put("matchedSlugs", List.of("chemtrails"));
        return s;
    }

    private ResultActions send(Object body, String user) throws Exception {
        return mvc.perform(post("/api/v1/signals").with(as(user)).contentType(MediaType.APPLICATION_JSON)
                .content(body instanceof String text ? text : json.writeValueAsString(body)));
    }

    private long count(String index, String field, String value) throws Exception {
        client.indices().refresh(r -> r.index(index).ignoreUnavailable(true).allowNoIndices(true));
        return client.count(c -> c.index(index).ignoreUnavailable(true).allowNoIndices(true)
                .query(q -> q.term(t -> t.field(field).value(value)))).count();
    }

    @Test
    void keepsGoodItemsAndAnswersEveryBadOneWithItsOwnProblem() throws Exception {
        String run = UUID.randomUUID().toString();
        List<Object> items = new ArrayList<>();
        items.add(signal(run + "-good"));
        Map<String, Object> unknownSlug = signal(run + "-slug");
        unknownSlug.put("matchedSlugs", List.of("bestaat-niet"));
        items.add(unknownSlug);
        Map<String, Object> future = signal(run + "-future");
        future.put("occurredAt", Instant.now().plus(Duration.ofDays(2)).toString());
        items.add(future);
        Map<String, Object> ancient = signal(run + "-ancient");
        ancient.put("occurredAt", "2001-01-01T00:00:00Z");
        items.add(ancient);
        Map<String, Object> oversize = signal(run + "-long");
        oversize.put("text", "a".repeat(20_001));
        items.add(oversize);
        Map<String, Object> channel = signal(run + "-fax");
        channel.put("channel", "fax");
        items.add(channel);
        items.add("geen object");
        items.add(signal(run + "-good")); // the same contact twice in one batch

        send(Map.of("signals", items), TestUsers.CONNECTOR)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.duplicates").value(1))
                .andExpect(jsonPath("$.rejected").value(6))
                .andExpect(jsonPath("$.results", hasSize(8)))
                .andExpect(jsonPath("$.results[0].status").value("accepted"))
                .andExpect(jsonPath("$.results[1].problem.title").value("Onbekend verhaal"))
                .andExpect(jsonPath("$.results[1].problem.field").value("matchedSlugs"))
                .andExpect(jsonPath("$.results[2].problem.title").value("Tijdstip in de toekomst"))
                .andExpect(jsonPath("$.results[3].problem.title").value("Contact te oud"))
                .andExpect(jsonPath("$.results[4].problem.title").value("Tekst te lang"))
                .andExpect(jsonPath("$.results[5].problem.field").value("channel"))
                .andExpect(jsonPath("$.results[6].status").value("rejected"))
                .andExpect(jsonPath("$.results[7].status").value("duplicate"));

        // Sent again later (the connector retrying): a duplicate, still stored once.
        send(Map.of("signals", List.of(signal(run + "-good"))), TestUsers.CONNECTOR)
                .andExpect(jsonPath("$.duplicates").value(1))
                .andExpect(jsonPath("$.results[0].status").value("duplicate"));
        assertThat(count(indices.signals(), "_id", Signal.id("openklant-test", run + "-good"))).isEqualTo(1);
    }

    @Test
    void countsARetryOnceWhenItsTimestampMovedToAnotherMonthOrDay() throws Exception {
        String run = UUID.randomUUID().toString();
        Instant first = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> original = signal(run + "-moved");
        original.put("occurredAt", first.toString());
        send(Map.of("signals", List.of(original)), TestUsers.CONNECTOR).andExpect(jsonPath("$.accepted").value(1));

        // The source corrected its clock: the same contact now lies 35 days earlier, in another month's index.
        Map<String, Object> otherMonth = signal(run + "-moved");
        otherMonth.put("occurredAt", first.minus(Duration.ofDays(35)).toString());
        send(Map.of("signals", List.of(otherMonth)), TestUsers.CONNECTOR)
                .andExpect(jsonPath("$.accepted").value(0))
                .andExpect(jsonPath("$.results[0].status").value("duplicate"));

        // ...or on another day of the same month (UTC): the count collides, and no second text is left behind.
        Instant otherDay = first.atZone(java.time.ZoneOffset.UTC).getDayOfMonth() > 1
                ? first.minus(Duration.ofDays(1)) : first.minus(Duration.ofHours(1));
        Map<String, Object> sameMonth = signal(run + "-moved");
        sameMonth.put("occurredAt", otherDay.toString());
        send(Map.of("signals", List.of(sameMonth)), TestUsers.CONNECTOR)
                .andExpect(jsonPath("$.results[0].status").value("duplicate"));

        String id = Signal.id("openklant-test", run + "-moved");
        assertThat(count(indices.signals(), "_id", id)).isEqualTo(1);
        assertThat(count(indices.details(), "_id", id)).isEqualTo(1);
    }

    @Test
    void storesScrubbedTextOnlyAndCountsWithoutText() throws Exception {
        String id = UUID.randomUUID().toString();
        Map<String, Object> withName = signal(id);
        withName.put("text", "dhr. Jansen vraagt of de chemtrails boven de wijk gevaarlijk zijn, bsn 111222333, "
                + "tel 06-12345678");
        send(Map.of("signals", List.of(withName)), TestUsers.CONNECTOR).andExpect(status().isOk());
        String docId = Signal.id("openklant-test", id);
        client.indices().refresh(r -> r.index(indices.details()));
        var detail = client.get(g -> g.index(indices.detailsFor(Instant.now().minus(1, ChronoUnit.HOURS))).id(docId),
                SignalDetail.class);
        assertThat(detail.found()).isTrue();
        assertThat(detail.source().text()).contains("[bsn]").contains("[telefoon]").contains("dhr. [naam]")
                .doesNotContain("111222333").doesNotContain("12345678").doesNotContain("Jansen");
        assertThat(detail.source().bands()).hasSize(TextFingerprint.BANDS);
        var counts = client.get(g -> g.index(indices.signalsFor(Instant.now().minus(1, ChronoUnit.HOURS))).id(docId),
                java.util.Map.class);
        assertThat(counts.source()).doesNotContainKeys("text", "residentHash").containsEntry("hasText", true);
    }

    @Test
    void refusesWholeRequestsThatAreNotABatch() throws Exception {
        send("{\"signals\": [ {\"source\": ", TestUsers.CONNECTOR).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        send("{\"items\": []}", TestUsers.CONNECTOR).andExpect(status().isBadRequest());
        List<Object> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(Map.of("source", "s", "externalId", "x" + i));
        }
        send(Map.of("signals", tooMany), TestUsers.CONNECTOR).andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.title").value("Te veel signalen"));
        send(Map.of("signals", List.of(signal("x"))), TestUsers.KCC).andExpect(status().isForbidden());
        send(Map.of("signals", List.of(signal("x"))), TestUsers.ANALIST).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/signals").contentType(MediaType.APPLICATION_JSON).content("{\"signals\": []}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void showsAResidentsEarlierContactsOfTheOwnTenantOnly() throws Exception {
        Map<String, Object> first = signal(UUID.randomUUID().toString());
        String resident = (String) first.get("residentHash");
        first.put("occurredAt", Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        first.put("confirmedSlugs", List.of("chemtrails"));
        first.put("feedback", "hielp");
        Map<String, Object> second = signal(UUID.randomUUID().toString());
        second.put("residentHash", resident);
        second.put("channel", "email");
        send(Map.of("signals", List.of(first, second)), TestUsers.CONNECTOR).andExpect(jsonPath("$.accepted").value(2));
        client.indices().refresh(r -> r.index(indices.details()));

        mvc.perform(get("/api/v1/residents/" + resident + "/history").param("tenant", "GM0363")
                        .with(as(TestUsers.CONNECTOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contacts", hasSize(2)))
                .andExpect(jsonPath("$.contacts[0].channel").value("email"))
                .andExpect(jsonPath("$.contacts[0].scriptChannel").value("email"))
                .andExpect(jsonPath("$.contacts[1].slugs[0]").value("chemtrails"))
                .andExpect(jsonPath("$.contacts[1].titles[0]").isString())
                .andExpect(jsonPath("$.contacts[1].feedback").value("hielp"));
        mvc.perform(get("/api/v1/residents/" + resident + "/history").with(as(TestUsers.KCC)))
                .andExpect(jsonPath("$.contacts", hasSize(2)));
        mvc.perform(get("/api/v1/residents/" + resident + "/history").with(as(TestUsers.KCC_ROTTERDAM)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.contacts", hasSize(0)));
        mvc.perform(get("/api/v1/residents/" + resident + "/history").param("tenant", "GM0363")
                        .with(as(TestUsers.KCC_ROTTERDAM)))
                .andExpect(status().isForbidden());
    }

    @Test
    void erasesOneResidentsContactsOnRequestAndKeepsTheCounts() throws Exception {
        String firstId = UUID.randomUUID().toString();
        Map<String, Object> first = signal(firstId);
        String resident = (String) first.get("residentHash");
        Map<String, Object> second = signal(UUID.randomUUID().toString());
        second.put("residentHash", resident);
        Map<String, Object> neighbour = signal(UUID.randomUUID().toString());
        String other = (String) neighbour.get("residentHash");
        send(Map.of("signals", List.of(first, second, neighbour)), TestUsers.CONNECTOR)
                .andExpect(jsonPath("$.accepted").value(3));

        mvc.perform(delete("/api/v1/residents/" + resident).param("tenant", "GM0363").with(as(TestUsers.KCC)))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/residents/kort").with(as(TestUsers.BEHEERDER_AMSTERDAM)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        // Another municipality's request touches nothing of Amsterdam's.
        mvc.perform(delete("/api/v1/residents/" + resident).param("tenant", "GM0599").with(as(TestUsers.CONNECTOR)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.erased").value(0));
        assertThat(count(indices.details(), "residentHash", resident)).isEqualTo(2);

        mvc.perform(delete("/api/v1/residents/" + resident).param("tenant", "GM0363").with(as(TestUsers.CONNECTOR)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.erased").value(2));

        assertThat(count(indices.details(), "residentHash", resident)).isZero();
        assertThat(count(indices.details(), "residentHash", other)).isEqualTo(1);
        mvc.perform(get("/api/v1/residents/" + resident + "/history").param("tenant", "GM0363")
                        .with(as(TestUsers.CONNECTOR)))
                .andExpect(jsonPath("$.contacts", hasSize(0)));
        // The counts carry no resident and no text: the day's figures stay right.
        assertThat(count(indices.signals(), "_id", Signal.id("openklant-test", firstId))).isEqualTo(1);
        // A beheerder of the municipality may do the same; a second request finds nothing left.
        mvc.perform(delete("/api/v1/residents/" + resident).with(as(TestUsers.BEHEERDER_AMSTERDAM)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.erased").value(0));

        // The audit log says that a resident was erased and how many contacts, never who.
        String audit = names.alias("audit");
        client.indices().refresh(r -> r.index(audit));
        var entries = client.search(s -> s.index(audit).size(10)
                .query(q -> q.term(t -> t.field("action").value("inwoner.gewist"))), Map.class).hits().hits();
        assertThat(entries).extracting(h -> h.source().get("counts")).contains(Map.of("contacten", 2));
        assertThat(entries).allSatisfy(h -> assertThat(h.source().toString()).doesNotContain(resident));
    }

    @Test
    void countsFeedbackClicksAndRefusesUnknownNarratives() throws Exception {
        mvc.perform(post("/api/v1/feedback").with(as(TestUsers.KCC)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"slug\": \"chemtrails\", \"channel\": \"chat\", \"kind\": \"hielp\"}"))
                .andExpect(status().isAccepted());
        mvc.perform(post("/api/v1/feedback").with(as(TestUsers.CONNECTOR)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"tenant\": \"GM0363\", \"slug\": \"bestaat-niet\", \"channel\": \"chat\", \"kind\": \"hielp\"}"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/api/v1/feedback").with(as(TestUsers.CONNECTOR)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"tenant\": \"GM0363\", \"slug\": \"chemtrails\", \"channel\": \"chat\", \"kind\": \"super\"}"))
                .andExpect(status().isBadRequest());
        assertThat(count(indices.feedback(), "slug", "chemtrails")).isEqualTo(1);
    }

    @Test
    void dropsTextsOlderThanTheRetentionPeriodButKeepsTheCounts() throws Exception {
        Instant old = Instant.now().minus(Duration.ofDays(40));
        String oldDetails = indices.detailsFor(old);
        // A details index of a day past the retention period, as if written then.
        client.indices().create(c -> c.index(oldDetails));
        Map<String, Object> late = signal(UUID.randomUUID().toString());
        late.put("occurredAt", old.truncatedTo(ChronoUnit.SECONDS).toString());
        send(Map.of("signals", List.of(late)), TestUsers.CONNECTOR).andExpect(jsonPath("$.accepted").value(1));

        List<String> deleted = retention.apply();

        assertThat(deleted).contains(oldDetails);
        assertThat(client.indices().exists(e -> e.index(oldDetails)).value()).isFalse();
        assertThat(client.indices().exists(e -> e.index(indices.detailsFor(Instant.now().minus(1, ChronoUnit.HOURS))))
                .value()).isTrue();
        assertThat(count(indices.signals(), "_id", Signal.id("openklant-test", (String) late.get("externalId"))))
                .isEqualTo(1);
    }
}
