package nl.duiding.kb.narrative;

import static nl.duiding.kb.support.TestUsers.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Search, filters, facets, highlights and tenant isolation on a small library: national narratives, one local to
 * Amsterdam (GM0363) that overrides a national slug, one local to Rotterdam (GM0599), and a concept.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NarrativeSearchIT {

    @RegisterExtension
    static final IsolatedIndices INDICES = new IsolatedIndices();
    private static final TenantCode AMSTERDAM = new TenantCode("GM0363");
    private static final TenantCode ROTTERDAM = new TenantCode("GM0599");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        INDICES.registerWithTestUsers(registry);
        registry.add("duiding.content.import-on-start", () -> "false");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    NarrativeWorkflow workflow;

    @Autowired
    PublishedNarratives published;

    @BeforeAll
    void library() {
        publish(NarrativeSamples.narrative("zendmast-straling", TenantCode.NATIONAL,
                "Zendmasten en straling maken mensen ziek"), "redacteur", "eindredacteur");
        publish(withCategory(NarrativeSamples.narrative("stembus-fraude", TenantCode.NATIONAL,
                "Stemmen worden niet geteld bij verkiezingen"), Category.VERKIEZINGEN), "redacteur", "eindredacteur");
        publish(NarrativeSamples.narrative("sporthal-opvang", TenantCode.NATIONAL,
                "Sporthal wordt noodopvang"), "redacteur", "eindredacteur");
        publish(NarrativeSamples.narrative("sporthal-opvang", AMSTERDAM,
                "Sporthal Zuid wordt noodopvang (Amsterdam)"), "redacteur-amsterdam", "eindredacteur-amsterdam");
        publish(NarrativeSamples.narrative("haven-gerucht", ROTTERDAM,
                "Gerucht over de haven van Rotterdam"), "redacteur-rotterdam", "eindredacteur");
        workflow.create(NarrativeSamples.narrative("windmolen-concept", TenantCode.NATIONAL,
                "Windmolens en <script>alert(1)</script> geluid"), "redacteur");
    }

    @Test
    void findsByTextWithEscapedHighlights() throws Exception {
        mvc.perform(get("/api/v1/narratives").param("q", "straling").with(as(TestUsers.KCC)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].slug").value("zendmast-straling"))
                .andExpect(jsonPath("$.items[0].highlights.title[0]").value(containsString("<mark>")));
        mvc.perform(get("/api/v1/narratives").param("q", "script alert").with(as(TestUsers.REDACTEUR)))
                .andExpect(jsonPath("$.items[0].slug").value("windmolen-concept"))
                .andExpect(jsonPath("$.items[0].title").value("Windmolens en <script>alert(1)</script> geluid"))
                .andExpect(jsonPath("$.items[0].highlights.title[0]").value(containsString("&lt;")))
                .andExpect(jsonPath("$.items[0].highlights.title[0]").value(not(containsString("<script>"))));
    }

    @Test
    void filtersAndCountsFacets() throws Exception {
        mvc.perform(get("/api/v1/narratives").param("category", "verkiezingen").with(as(TestUsers.KCC)))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].slug").value("stembus-fraude"));
        mvc.perform(get("/api/v1/narratives").param("risk", "hoog").with(as(TestUsers.KCC)))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/narratives").with(as(TestUsers.KCC)))
                .andExpect(jsonPath("$.facets.category[*].value", containsInAnyOrder("lokaal-incident", "verkiezingen")))
                .andExpect(jsonPath("$.facets.tenant[*].value", containsInAnyOrder("nationaal", "GM0363")))
                .andExpect(jsonPath("$.facets.status[0].value").value("gepubliceerd"))
                .andExpect(jsonPath("$.facets.risk[0].count").value(3));
        mvc.perform(get("/api/v1/narratives").param("status", "concept").with(as(TestUsers.REDACTEUR)))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].slug").value("windmolen-concept"));
    }

    @Test
    void pages() throws Exception {
        mvc.perform(get("/api/v1/narratives").param("size", "2").param("page", "2").with(as(TestUsers.KCC)))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.page").value(2))
                .andExpect(jsonPath("$.items.length()").value(1));
        mvc.perform(get("/api/v1/narratives").param("size", "500").with(as(TestUsers.KCC)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Ongeldige parameter"));
    }

    @Test
    void showsAgentsOnlyTheirOwnTenantAndNational() throws Exception {
        mvc.perform(get("/api/v1/narratives").with(as(TestUsers.KCC)))
                .andExpect(jsonPath("$.items[*].slug", not(hasItem("haven-gerucht"))))
                .andExpect(jsonPath("$.items[*].tenant", everyItem(org.hamcrest.Matchers.in(List.of("nationaal", "GM0363")))));
        mvc.perform(get("/api/v1/narratives").param("tenant", "GM0599").with(as(TestUsers.KCC)))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/narratives/haven-gerucht").with(as(TestUsers.KCC)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/narratives/haven-gerucht").with(as(TestUsers.KCC_ROTTERDAM)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tenant").value("GM0599"));
        mvc.perform(get("/api/v1/narratives/haven-gerucht/draft").param("tenant", "GM0599")
                        .with(as(TestUsers.REDACTEUR_AMSTERDAM)))
                .andExpect(status().isNotFound());
    }

    @Test
    void letsALocalNarrativeOverrideTheNationalOneForItsTenant() throws Exception {
        mvc.perform(get("/api/v1/narratives/sporthal-opvang").with(as(TestUsers.KCC)))
                .andExpect(jsonPath("$.tenant").value("GM0363"))
                .andExpect(jsonPath("$.title").value("Sporthal Zuid wordt noodopvang (Amsterdam)"));
        mvc.perform(get("/api/v1/narratives/sporthal-opvang").with(as(TestUsers.KCC_ROTTERDAM)))
                .andExpect(jsonPath("$.tenant").value("nationaal"));
        mvc.perform(get("/api/v1/narratives").param("q", "sporthal").with(as(TestUsers.KCC)))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].tenant").value("GM0363"));
        org.assertj.core.api.Assertions.assertThat(published.visibleTo(AMSTERDAM))
                .extracting(r -> r.slug().value() + "@" + r.tenant())
                .containsExactlyInAnyOrder("zendmast-straling@nationaal", "stembus-fraude@nationaal",
                        "sporthal-opvang@GM0363");
        org.assertj.core.api.Assertions.assertThat(published.all()).hasSize(5);
    }

    @Test
    void refusesEditsToAnotherTenantsNarratives() throws Exception {
        var saved = workflow.workingCopy(new NarrativeKey(ROTTERDAM, new Slug("haven-gerucht")));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/narratives/haven-gerucht")
                        .header("If-Match", saved.tag().headerValue())
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content(new tools.jackson.databind.json.JsonMapper().writeValueAsString(saved.record().narrative()))
                        .with(as(TestUsers.REDACTEUR_AMSTERDAM)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("Geen toegang tot deze organisatie"));
    }

    private void publish(Narrative narrative, String editor, String approver) {
        NarrativeKey key = NarrativeKey.of(narrative);
        var saved = workflow.create(narrative, editor);
        saved = workflow.transition(key, WorkflowAction.SUBMIT, saved.tag(), editor);
        workflow.transition(key, WorkflowAction.PUBLISH, saved.tag(), approver);
    }

    private static Narrative withCategory(Narrative n, Category category) {
        return new Narrative(n.slug(), n.title(), n.summary(), category, n.tags(), n.risk(), n.tenant(),
                n.validFrom(), n.validUntil(), n.reviewBy(), n.triggers(), n.scripts(), n.legalPosition(),
                n.legalBasis(), n.safetySignals(), n.playbook(), n.sources(), n.related(), n.background());
    }
}
