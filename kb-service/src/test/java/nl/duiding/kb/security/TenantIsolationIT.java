package nl.duiding.kb.security;

import static nl.duiding.kb.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.jayway.jsonpath.JsonPath;
import nl.duiding.kb.narrative.Narrative;
import nl.duiding.kb.narrative.NarrativeKey;
import nl.duiding.kb.narrative.NarrativeWorkflow;
import nl.duiding.kb.narrative.TenantCode;
import nl.duiding.kb.narrative.WorkflowAction;
import nl.duiding.kb.support.IsolatedIndices;
import nl.duiding.kb.support.NarrativeSamples;
import nl.duiding.kb.support.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

/**
 * A user of gemeente A never sees B's local narratives, on any path that shows narratives: matching, suggestions,
 * the ClaimReview feed, working copies and history through the API, the editor's pages, and the content export of
 * A's beheerder. Search and reading by slug are covered in NarrativeSearchIT, the audit log in AuditLogIT. Each
 * check first shows that B's own users do see it, so an empty answer means isolation, not missing data.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationIT {

    @RegisterExtension
    static final IsolatedIndices INDICES = new IsolatedIndices();
    private static final TenantCode AMSTERDAM = new TenantCode("GM0363");
    private static final TenantCode ROTTERDAM = new TenantCode("GM0599");
    private static final String SLUG = "maasvlakte-gif";
    private static final String TITLE = "Gif op de Maasvlakte";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        INDICES.registerWithTestUsers(registry);
        registry.add("duiding.content.import-on-start", () -> "false");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    NarrativeWorkflow workflow;

    @BeforeAll
    void library() {
        publish(NarrativeSamples.narrative(SLUG, ROTTERDAM, TITLE), TestUsers.REDACTEUR_ROTTERDAM);
        publish(NarrativeSamples.narrative("grachten-gerucht", AMSTERDAM, "Gerucht over de grachten"),
                TestUsers.REDACTEUR_AMSTERDAM);
    }

    @Test
    void matchesOnlyTheUsersOwnLocalNarratives() throws Exception {
        String text = "{\"text\": \"Beller vraagt naar " + SLUG + " variant 4\", \"channel\": \"telefoon\"}";
        assertThat(matchedSlugs(TestUsers.KCC_ROTTERDAM, text)).contains(SLUG);
        assertThat(matchedSlugs(TestUsers.KCC, text)).doesNotContain(SLUG);
        // Naming the other municipality in the request does not open it.
        mvc.perform(post("/api/v1/match").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"Beller vraagt naar " + SLUG + "\", \"tenant\": \"GM0599\"}")
                        .with(as(TestUsers.KCC)))
                .andExpect(status().isForbidden());
    }

    @Test
    void suggestsOnlyTheUsersOwnLocalNarratives() throws Exception {
        assertThat(suggested(TestUsers.KCC_ROTTERDAM, "Maasvlakte")).contains(SLUG);
        assertThat(suggested(TestUsers.KCC, "Maasvlakte")).doesNotContain(SLUG);
    }

    @Test
    void letsTheConnectorAskForAMunicipalitysNarrativesAndAMunicipalUserOnlyForItsOwn() throws Exception {
        // kcc-connector is national: without naming the municipality it sees national content only.
        assertThat(suggested(TestUsers.CONNECTOR, "Maasvlakte")).doesNotContain(SLUG);
        mvc.perform(get("/api/v1/narratives/" + SLUG).with(as(TestUsers.CONNECTOR))).andExpect(status().isNotFound());
        assertThat(listed(TestUsers.CONNECTOR, "")).doesNotContain(SLUG);
        // Naming it, it sees what that municipality's agents see.
        assertThat(suggested(TestUsers.CONNECTOR, "Maasvlakte&tenant=GM0599")).contains(SLUG);
        assertThat(body(TestUsers.CONNECTOR, "/api/v1/narratives/" + SLUG + "?tenant=GM0599")).contains(TITLE);
        assertThat(listed(TestUsers.CONNECTOR, "tenant=GM0599")).contains(SLUG).doesNotContain("grachten-gerucht");
        assertThat(listed(TestUsers.CONNECTOR, "tenant=GM0363")).contains("grachten-gerucht").doesNotContain(SLUG);
        // A municipality's own users may name their own municipality, never another.
        assertThat(suggested(TestUsers.KCC_ROTTERDAM, "Maasvlakte&tenant=GM0599")).contains(SLUG);
        for (String path : List.of("/api/v1/suggest?q=Maasvlakte&tenant=GM0599",
                "/api/v1/narratives/" + SLUG + "?tenant=GM0599", "/api/v1/narratives/grachten-gerucht?tenant=nationaal")) {
            mvc.perform(get(path).with(as(TestUsers.KCC))).andExpect(status().isForbidden())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.type")
                            .value("https://duiding.nl/problemen/andere-organisatie"));
        }
        assertThat(listed(TestUsers.KCC, "tenant=GM0599")).isEmpty();
        mvc.perform(get("/api/v1/suggest?q=Maasvlakte&tenant=Rotterdam").with(as(TestUsers.CONNECTOR)))
                .andExpect(status().isBadRequest());
        // Working copies stay with their organisation: a national editor's tenant filter opens nothing.
        assertThat(listed(TestUsers.REDACTEUR, "tenant=GM0599")).isEmpty();
    }

    @Test
    void feedsClaimReviewsOfTheUsersOwnOrganisationOnly() throws Exception {
        assertThat(body(TestUsers.KCC_ROTTERDAM, "/api/v1/claimreviews")).contains(TITLE);
        assertThat(body(TestUsers.KCC, "/api/v1/claimreviews")).doesNotContain(TITLE).contains("Gerucht over de grachten");
    }

    @Test
    void hidesAnotherOrganisationsWorkingCopyAndHistoryFromEditors() throws Exception {
        for (String path : List.of("/draft", "/revisions", "/revisions/1", "/revisions/diff?from=1&to=2")) {
            String separator = path.contains("?") ? "&" : "?";
            mvc.perform(get("/api/v1/narratives/" + SLUG + path + separator + "tenant=GM0599")
                    .with(as(TestUsers.REDACTEUR_ROTTERDAM))).andExpect(status().isOk());
            mvc.perform(get("/api/v1/narratives/" + SLUG + path + separator + "tenant=GM0599")
                    .with(as(TestUsers.REDACTEUR_AMSTERDAM))).andExpect(status().isNotFound());
        }
    }

    @Test
    void hidesAnotherOrganisationsNarrativesInTheEditorPages() throws Exception {
        MockHttpSession rotterdam = login(TestUsers.REDACTEUR_ROTTERDAM);
        MockHttpSession amsterdam = login(TestUsers.REDACTEUR_AMSTERDAM);
        assertThat(page(rotterdam, "/redactie?q=Maasvlakte")).contains(TITLE);
        assertThat(page(amsterdam, "/redactie?q=Maasvlakte")).doesNotContain(TITLE);
        assertThat(page(amsterdam, "/redactie?tenant=GM0599")).doesNotContain(TITLE);
        for (String path : List.of("/redactie/verhalen/" + SLUG + "?tenant=GM0599",
                "/redactie/verhalen/" + SLUG + "/geschiedenis?tenant=GM0599")) {
            assertThat(mvc.perform(get(path).session(rotterdam)).andReturn().getResponse().getStatus()).isEqualTo(200);
            assertThat(mvc.perform(get(path).session(amsterdam)).andReturn().getResponse().getStatus()).isEqualTo(404);
        }
    }

    @Test
    void exportsAMunicipalBeheerderOnlyItsOwnAndNationalContent() throws Exception {
        assertThat(zipEntries(TestUsers.BEHEERDER)).contains("content/narratives/GM0599/" + SLUG + ".md",
                "content/narratives/GM0363/grachten-gerucht.md");
        assertThat(zipEntries(TestUsers.BEHEERDER_AMSTERDAM)).contains("content/narratives/GM0363/grachten-gerucht.md")
                .noneMatch(name -> name.contains("GM0599"));
    }

    private List<String> matchedSlugs(String user, String body) throws Exception {
        String answer = mvc.perform(post("/api/v1/match").contentType(MediaType.APPLICATION_JSON).content(body)
                .with(as(user))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(answer, "$.matches[*].slug");
    }

    private List<String> suggested(String user, String typed) throws Exception {
        return JsonPath.read(body(user, "/api/v1/suggest?q=" + typed), "$.suggestions[*].slug");
    }

    private List<String> listed(String user, String query) throws Exception {
        return JsonPath.read(body(user, "/api/v1/narratives?size=100&" + query), "$.items[*].slug");
    }

    private String body(String user, String path) throws Exception {
        return mvc.perform(get(path).with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/redactie/inloggen").user(user).password(TestUsers.PASSWORD))
                .andReturn().getRequest().getSession(false);
    }

    private String page(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private List<String> zipEntries(String user) throws Exception {
        byte[] zip = mvc.perform(get("/api/v1/content/export.zip").with(as(user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    private void publish(Narrative narrative, String editor) {
        NarrativeKey key = NarrativeKey.of(narrative);
        var saved = workflow.create(narrative, editor);
        saved = workflow.transition(key, WorkflowAction.SUBMIT, saved.tag(), editor);
        // A second person publishes (four eyes); a national final editor may not change a local narrative's content,
        // but the workflow only checks that it is someone else.
        workflow.transition(key, WorkflowAction.PUBLISH, saved.tag(), TestUsers.EINDREDACTEUR);
        // A second version, so the history has something to compare.
        var current = workflow.workingCopy(key);
        workflow.update(key, narrative, current.tag(), editor);
    }
}
