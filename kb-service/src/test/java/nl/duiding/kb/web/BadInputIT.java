package nl.duiding.kb.web;

import static nl.duiding.kb.support.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import nl.duiding.kb.narrative.TenantCode;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Everything a client can get wrong answers with a problem detail in Dutch, never a 500 or a stack trace, and
 * nothing is half stored.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BadInputIT {

    @RegisterExtension
    static final IsolatedIndices INDICES = new IsolatedIndices();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        INDICES.registerWithTestUsers(registry);
        registry.add("duiding.content.import-on-start", () -> "false");
        registry.add("duiding.api.max-body-size", () -> "64KB");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Test
    void refusesAnEmptyBody() throws Exception {
        problem(createWith(""), 400, "Ongeldige inhoud");
    }

    @Test
    void refusesMalformedJson() throws Exception {
        problem(createWith("{\"slug\": \"kapot\", "), 400, "Ongeldige JSON");
    }

    @Test
    void refusesBinary() throws Exception {
        problem(mvc.perform(post("/api/v1/narratives").contentType(MediaType.APPLICATION_JSON)
                .content(new byte[] {(byte) 0xff, (byte) 0xd8, 0, 1, 2, (byte) 0x89, 'P', 'N', 'G'})
                .with(as(TestUsers.REDACTEUR))), 400, "Ongeldige JSON");
        problem(mvc.perform(post("/api/v1/narratives").contentType(MediaType.APPLICATION_OCTET_STREAM)
                .content(new byte[] {1, 2, 3}).with(as(TestUsers.REDACTEUR))), 415, "Soort inhoud niet ondersteund");
    }

    @Test
    void refusesABodyOverTheLimit() throws Exception {
        String big = "{\"title\": \"" + "a".repeat(70 * 1024) + "\"}";
        problem(createWith(big), 413, "Aanvraag te groot");
    }

    @Test
    void refusesUnknownFields() throws Exception {
        ObjectNode body = json.valueToTree(NarrativeSamples.narrative("onbekend-veld"));
        body.put("urgentie", "hoog");
        problem(createWith(body.toString()), 400, "Onbekend veld")
                .andExpect(jsonPath("$.detail").value(containsString("urgentie")));
        notStored("onbekend-veld");
    }

    @Test
    void refusesAnUnknownCategoryCode() throws Exception {
        ObjectNode body = json.valueToTree(NarrativeSamples.narrative("foute-categorie"));
        body.put("category", "complotten");
        problem(createWith(body.toString()), 400, "Ongeldige waarde")
                .andExpect(jsonPath("$.errors[0].field").value("category"));
        notStored("foute-categorie");
    }

    @Test
    void refusesContentThatBreaksTheSchemaAndStoresNothing() throws Exception {
        ObjectNode body = json.valueToTree(NarrativeSamples.narrative("te-kort"));
        ((ObjectNode) body.get("scripts").get("chat")).put("coreMessage", "Te kort.");
        body.put("title", "Kort");
        problem(createWith(body.toString()), 422, "Verhaal voldoet niet aan de regels")
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems(
                        "$.scripts.chat.coreMessage", "$.title")))
                .andExpect(jsonPath("$.errors[0].detail").value(containsString("minimaal")));
        notStored("te-kort");
    }

    @Test
    void refusesAResidentsPhoneNumberOrBsnInANarrativeAndNamesTheField() throws Exception {
        ObjectNode body = json.valueToTree(NarrativeSamples.narrative("met-persoonsgegevens"));
        ((ArrayNode) body.get("triggers")).set(2,
                "Beller zegt: bel mij terug op 06-12345678, dan leg ik het uit");
        body.put("background", "## Achtergrond\n\nEen inwoner (BSN 111222333) schreef ons hierover.");
        problem(createWith(body.toString()), 422, "Verhaal voldoet niet aan de regels")
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("$.triggers[2]",
                        "$.background")))
                .andExpect(jsonPath("$.errors[0].detail").value(containsString("telefoonnummer")));
        notStored("met-persoonsgegevens");

        // The town hall's address and an invented name in a sovereign phrasing are the municipality's own words.
        ObjectNode allowed = json.valueToTree(NarrativeSamples.narrative("met-adres-stadhuis"));
        ((ArrayNode) allowed.get("triggers")).set(0,
                "mijn naam is Piet uit de familie De Vries, meer hoeft u niet te weten");
        ((ObjectNode) allowed.get("scripts").get("telefoon")).put("coreMessage", "U kunt langskomen op het "
                + "stadskantoor, Stadhuisplein 1, of bellen met 14 020. Daar helpen collega's u verder met uw vraag.");
        createWith(allowed.toString()).andExpect(status().isCreated());
    }

    @Test
    void answers404ForASlugThatDoesNotExist() throws Exception {
        problem(mvc.perform(get("/api/v1/narratives/bestaat-niet").with(as(TestUsers.KCC))), 404,
                "Verhaal niet gevonden");
        problem(mvc.perform(get("/api/v1/narratives/Geen Slug!").with(as(TestUsers.KCC))), 404,
                "Verhaal niet gevonden");
        problem(mvc.perform(put("/api/v1/narratives/bestaat-niet").header(HttpHeaders.IF_MATCH, "\"1-1\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(NarrativeSamples.narrative("bestaat-niet")))
                .with(as(TestUsers.REDACTEUR))), 404, "Verhaal niet gevonden");
    }

    @Test
    void storesHtmlAsPlainTextAndReturnsItAsJson() throws Exception {
        String title = "<b>Vet</b> <script>alert('x')</script> & meer";
        mvc.perform(post("/api/v1/narratives").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(NarrativeSamples.narrative("html-titel", TenantCode.NATIONAL,
                                title)))
                        .with(as(TestUsers.REDACTEUR)))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/narratives/html-titel/draft").with(as(TestUsers.REDACTEUR)))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(jsonPath("$.narrative.title").value(title));
    }

    @Test
    void refusesInvalidQueryParameters() throws Exception {
        problem(mvc.perform(get("/api/v1/narratives").param("category", "complotten").with(as(TestUsers.KCC))), 400,
                "Ongeldige parameter");
        problem(mvc.perform(get("/api/v1/narratives").param("page", "nul").with(as(TestUsers.KCC))), 400,
                "Ongeldige parameter");
        problem(mvc.perform(get("/api/v1/narratives").param("tenant", "Amsterdam").with(as(TestUsers.KCC))), 400,
                "Ongeldige parameter");
    }

    @Test
    void answersUnauthenticatedAndForbiddenAsProblems() throws Exception {
        problem(mvc.perform(get("/api/v1/narratives/iets")), 401, "Niet ingelogd");
        problem(mvc.perform(get("/api/v1/narratives/iets").with(TestUsers.as("niemand"))), 401, "Niet ingelogd");
        problem(createWith("{}", TestUsers.KCC), 403, "Geen toegang");
    }

    @Test
    void sendsTheApiVersionAndServesTheOpenApiDocument() throws Exception {
        mvc.perform(get("/api/v1/openapi.json"))
                .andExpect(status().isOk())
                .andExpect(header().string("API-Version", "1.0.0"))
                .andExpect(jsonPath("$.openapi").value(org.hamcrest.Matchers.startsWith("3.")))
                .andExpect(jsonPath("$.paths['/api/v1/narratives/{slug}']").exists());
        mvc.perform(get("/api/v1/narratives").with(as(TestUsers.KCC)))
                .andExpect(header().string("API-Version", "1.0.0"));
    }

    private ResultActions createWith(String body) throws Exception {
        return createWith(body, TestUsers.REDACTEUR);
    }

    private ResultActions createWith(String body, String user) throws Exception {
        return mvc.perform(post("/api/v1/narratives").contentType(MediaType.APPLICATION_JSON).content(body)
                .with(as(user)));
    }

    private void notStored(String slug) throws Exception {
        mvc.perform(get("/api/v1/narratives/" + slug + "/draft").with(as(TestUsers.REDACTEUR)))
                .andExpect(status().isNotFound());
    }

    private static ResultActions problem(ResultActions result, int status, String title) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(header().string("API-Version", "1.0.0"))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").value(title))
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.startsWith(Problems.TYPE_BASE)))
                .andExpect(jsonPath("$.trace").doesNotExist())
                .andExpect(jsonPath("$.exception").doesNotExist());
    }
}
