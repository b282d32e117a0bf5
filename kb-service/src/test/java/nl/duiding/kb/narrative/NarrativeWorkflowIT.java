package nl.duiding.kb.narrative;

import static nl.duiding.kb.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import nl.duiding.kb.support.IsolatedIndices;
import nl.duiding.kb.support.NarrativeSamples;
import nl.duiding.kb.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/** The editorial workflow through the API, against the real test node. */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class NarrativeWorkflowIT {

    @RegisterExtension
    static final IsolatedIndices INDICES = new IsolatedIndices();

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
    ApplicationEvents events;

    @Test
    void takesANarrativeFromConceptThroughReviewToPublishedWithTwoPeople() throws Exception {
        String etag = create("wf-happy", TestUsers.REDACTEUR);
        etag = transition("wf-happy", "submit", etag, TestUsers.REDACTEUR, 200);

        mvc.perform(post("/api/v1/narratives/wf-happy/publish").header(HttpHeaders.IF_MATCH, etag)
                        .with(as(TestUsers.EINDREDACTEUR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("gepubliceerd"))
                .andExpect(jsonPath("$.version").value(3))
                .andExpect(jsonPath("$.publishedBy").value(TestUsers.EINDREDACTEUR));

        mvc.perform(get("/api/v1/narratives/wf-happy").with(as(TestUsers.CONNECTOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.slug").value("wf-happy"))
                .andExpect(jsonPath("$.version").value(3))
                .andExpect(jsonPath("$.scripts.telefoon.coreMessage").exists())
                .andExpect(jsonPath("$.publishedAt").exists());
        assertThat(events.stream(NarrativePublished.class))
                .anySatisfy(e -> assertThat(e.narrative().slug().value()).isEqualTo("wf-happy"));
    }

    @Test
    void refusesPublishByTheLastEditor() throws Exception {
        String etag = create("wf-four-eyes", TestUsers.EINDREDACTEUR);
        etag = transition("wf-four-eyes", "submit", etag, TestUsers.EINDREDACTEUR, 200);

        mvc.perform(post("/api/v1/narratives/wf-four-eyes/publish").header(HttpHeaders.IF_MATCH, etag)
                        .with(as(TestUsers.EINDREDACTEUR)))
                .andExpect(status().isForbidden())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.title").value("Vier-ogenprincipe"));
        mvc.perform(get("/api/v1/narratives/wf-four-eyes").with(as(TestUsers.KCC))).andExpect(status().isNotFound());

        transition("wf-four-eyes", "publish", etag, TestUsers.EINDREDACTEUR_2, 200);
    }

    @Test
    void refusesPublishByARedacteur() throws Exception {
        String etag = create("wf-role", TestUsers.REDACTEUR);
        etag = transition("wf-role", "submit", etag, TestUsers.REDACTEUR, 200);

        transition("wf-role", "publish", etag, TestUsers.REDACTEUR_2, 403);
    }

    @Test
    void refusesTransitionsTheWorkflowDoesNotHave() throws Exception {
        String etag = create("wf-illegal", TestUsers.REDACTEUR);

        mvc.perform(post("/api/v1/narratives/wf-illegal/publish").header(HttpHeaders.IF_MATCH, etag)
                        .with(as(TestUsers.EINDREDACTEUR)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Statuswijziging niet mogelijk"));
    }

    @Test
    void keepsShowingThePublishedVersionWhileANewOneIsEdited() throws Exception {
        String etag = publish("wf-stable");
        var changed = NarrativeSamples.narrative("wf-stable", nl.duiding.kb.narrative.TenantCode.NATIONAL,
                "Nieuwe titel in bewerking");

        MvcResult updated = mvc.perform(put("/api/v1/narratives/wf-stable").header(HttpHeaders.IF_MATCH, etag)
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(changed))
                        .with(as(TestUsers.REDACTEUR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("concept"))
                .andReturn();
        assertThat(updated.getResponse().getHeader(HttpHeaders.ETAG)).isNotEqualTo(etag);

        mvc.perform(get("/api/v1/narratives/wf-stable").with(as(TestUsers.KCC)))
                .andExpect(jsonPath("$.title").value("Gerucht over wf stable"));
        mvc.perform(get("/api/v1/narratives/wf-stable/draft").with(as(TestUsers.REDACTEUR)))
                .andExpect(jsonPath("$.narrative.title").value("Nieuwe titel in bewerking"));
    }

    @Test
    void withdrawsAnArchivedNarrativeFromAgents() throws Exception {
        String etag = publish("wf-archive");

        transition("wf-archive", "archive", etag, TestUsers.EINDREDACTEUR, 200);

        mvc.perform(get("/api/v1/narratives/wf-archive").with(as(TestUsers.KCC))).andExpect(status().isNotFound());
        assertThat(events.stream(NarrativeWithdrawn.class))
                .anySatisfy(e -> assertThat(e.slug().value()).isEqualTo("wf-archive"));
    }

    @Test
    void requiresIfMatchForChanges() throws Exception {
        create("wf-428", TestUsers.REDACTEUR);

        mvc.perform(put("/api/v1/narratives/wf-428").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(NarrativeSamples.narrative("wf-428")))
                        .with(as(TestUsers.REDACTEUR)))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.title").value("If-Match ontbreekt"));
        mvc.perform(post("/api/v1/narratives/wf-428/submit").with(as(TestUsers.REDACTEUR)))
                .andExpect(status().isPreconditionRequired());
    }

    @Test
    void refusesAStaleIfMatch() throws Exception {
        String first = create("wf-412", TestUsers.REDACTEUR);
        update("wf-412", first, "Eerste wijziging van de titel", TestUsers.REDACTEUR, 200);

        update("wf-412", first, "Tweede wijziging op oude versie", TestUsers.REDACTEUR_2, 412);
        mvc.perform(get("/api/v1/narratives/wf-412/draft").with(as(TestUsers.REDACTEUR)))
                .andExpect(jsonPath("$.narrative.title").value("Eerste wijziging van de titel"));
    }

    @Test
    void letsExactlyOneOfTwoConcurrentUpdatesWithTheSameETagWin() throws Exception {
        String etag = create("wf-race", TestUsers.REDACTEUR);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String title : List.of("Titel van de eerste redacteur", "Titel van de tweede redacteur")) {
                Callable<Integer> update = () -> {
                    start.await();
                    return update("wf-race", etag, title, TestUsers.REDACTEUR, -1);
                };
                results.add(pool.submit(update));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        } finally {
            pool.shutdownNow();
        }
        mvc.perform(get("/api/v1/narratives/wf-race/revisions").with(as(TestUsers.REDACTEUR)))
                .andExpect(jsonPath("$.length()").value(2));
    }

    @Test
    void recordsEveryChangeAsARevisionWithAReadableDiffAndRestoresAnOldOne() throws Exception {
        String etag = create("wf-history", TestUsers.REDACTEUR);
        etag = update("wf-history", etag, "Een betere titel voor het verhaal", TestUsers.REDACTEUR_2);

        mvc.perform(get("/api/v1/narratives/wf-history/revisions").with(as(TestUsers.REDACTEUR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].version").value(2))
                .andExpect(jsonPath("$[0].action").value("bewerkt"))
                .andExpect(jsonPath("$[0].actor").value(TestUsers.REDACTEUR_2))
                .andExpect(jsonPath("$[0].changes[0].field").value("title"))
                .andExpect(jsonPath("$[0].changes[0].before").value("Gerucht over wf history"))
                .andExpect(jsonPath("$[0].changes[0].after").value("Een betere titel voor het verhaal"))
                .andExpect(jsonPath("$[1].action").value("aangemaakt"));
        mvc.perform(get("/api/v1/narratives/wf-history/revisions/diff?from=1&to=2").with(as(TestUsers.REDACTEUR)))
                .andExpect(jsonPath("$.changes.length()").value(1))
                .andExpect(jsonPath("$.changes[0].field").value("title"));
        mvc.perform(get("/api/v1/narratives/wf-history/revisions/1").with(as(TestUsers.REDACTEUR)))
                .andExpect(jsonPath("$.snapshot.narrative.title").value("Gerucht over wf history"));

        mvc.perform(post("/api/v1/narratives/wf-history/revisions/1/restore").header(HttpHeaders.IF_MATCH, etag)
                        .with(as(TestUsers.REDACTEUR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(3))
                .andExpect(jsonPath("$.status").value("concept"))
                .andExpect(jsonPath("$.narrative.title").value("Gerucht over wf history"));
        mvc.perform(get("/api/v1/narratives/wf-history/revisions").with(as(TestUsers.REDACTEUR)))
                .andExpect(jsonPath("$[0].action").value("hersteld"))
                .andExpect(jsonPath("$[*].version", hasItem(3)));
        mvc.perform(get("/api/v1/narratives/wf-history/revisions/9").with(as(TestUsers.REDACTEUR)))
                .andExpect(status().isNotFound());
    }

    @Test
    void refusesHistoryToAgents() throws Exception {
        create("wf-agent", TestUsers.REDACTEUR);

        mvc.perform(get("/api/v1/narratives/wf-agent/revisions").with(as(TestUsers.KCC)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("Geen toegang"));
        mvc.perform(get("/api/v1/narratives/wf-agent/draft")).andExpect(status().isUnauthorized())
                .andExpect(header().string("API-Version", "1.0.0"));
    }

    private String publish(String slug) throws Exception {
        String etag = create(slug, TestUsers.REDACTEUR);
        etag = transition(slug, "submit", etag, TestUsers.REDACTEUR, 200);
        return transition(slug, "publish", etag, TestUsers.EINDREDACTEUR, 200);
    }

    private String create(String slug, String user) throws Exception {
        return mvc.perform(post("/api/v1/narratives").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(NarrativeSamples.narrative(slug))).with(as(user)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("concept"))
                .andExpect(jsonPath("$.version").value(1))
                .andReturn().getResponse().getHeader(HttpHeaders.ETAG);
    }

    private String transition(String slug, String action, String etag, String user, int expected) throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/narratives/" + slug + "/" + action)
                .header(HttpHeaders.IF_MATCH, etag).with(as(user))).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(expected);
        return result.getResponse().getHeader(HttpHeaders.ETAG);
    }

    private String update(String slug, String etag, String title, String user) throws Exception {
        MvcResult result = mvc.perform(put("/api/v1/narratives/" + slug).header(HttpHeaders.IF_MATCH, etag)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(NarrativeSamples.narrative(slug, TenantCode.NATIONAL, title)))
                .with(as(user))).andExpect(status().isOk()).andReturn();
        return result.getResponse().getHeader(HttpHeaders.ETAG);
    }

    /** The status; checked against {@code expected} unless it is -1. */
    private int update(String slug, String etag, String title, String user, int expected) throws Exception {
        int status = mvc.perform(put("/api/v1/narratives/" + slug).header(HttpHeaders.IF_MATCH, etag)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(NarrativeSamples.narrative(slug, TenantCode.NATIONAL, title)))
                .with(as(user))).andReturn().getResponse().getStatus();
        if (expected != -1) {
            assertThat(status).isEqualTo(expected);
        }
        return status;
    }
}
