package nl.duiding.kb.matching;

import static nl.duiding.kb.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

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
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code /api/v1/match} contract against the real node, with the repository's content library imported the way
 * a start does it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MatchIT {

    @RegisterExtension
    static final IsolatedIndices INDICES = new IsolatedIndices();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        INDICES.registerWithLibrary(registry);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    Matcher matcher;
    @Autowired
    ClaimLanguageCache claimLanguage;

    private String body(String text, String channel) {
        return json.writeValueAsString(new MatchRequest(text, channel, null));
    }

    @Test
    void findsNarrativeWithScriptForTheChannelAndEvidence() throws Exception {
        mvc.perform(post("/api/v1/match").with(as(TestUsers.KCC)).contentType(MediaType.APPLICATION_JSON)
                        .content(body("mevrouw belt: die rode stempotloden kun je toch gewoon uitgummen? dan kunnen ze "
                                + "na afloop alles veranderen", "brief")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.matches[0].slug").value("stempotlood-uitgumbaar"))
                .andExpect(jsonPath("$.matches[0].score").isNumber())
                .andExpect(jsonPath("$.matches[0].confidence").value(org.hamcrest.Matchers.oneOf("hoog", "middel", "laag")))
                .andExpect(jsonPath("$.matches[0].evidence[0]").value(containsString("<em>")))
                .andExpect(jsonPath("$.matches[0].script.channel").value("email"))
                .andExpect(jsonPath("$.matches[0].script.coreMessage").isString())
                .andExpect(jsonPath("$.belacties").isArray());
    }

    @Test
    void learnsTheLanguageOfClaimsFromTheLibrary() {
        // Both are about vaccination; only the first carries a claim.
        ClaimLanguage language = claimLanguage.get();

        assertThat(language.of(stems("ze houden stiekem geheim dat die prik mensen ziek maakt, deel dit met iedereen")))
                .isPositive();
        assertThat(language.of(stems("wanneer kan ik een afspraak maken voor de griepprik bij de GGD?"))).isNegative();
    }

    private List<String> stems(String text) {
        return matcher.analyse(text).stream().flatMap(window -> window.tokens().stream()).toList();
    }

    @Test
    void findsNarrativeDespiteTypos() throws Exception {
        // The misspelt word carries the narrative: without it the rest is an ordinary sentence.
        String[][] cases = {
            {"zijn dat chemtrials die ze de hele dag boven ons dorp spuiten?", "chemtrails"},
            {"die rode stempotlooden kun je toch gewoon uitgummen?", "stempotlood-uitgumbaar"},
            // A typo in a compound: corrected, it brings its parts and synonyms (asielzoeker, azc).
            {"klopt het dat er een asielzoekerscentum in onze wijk komt?", "azc-komst-gerucht"},
        };
        for (String[] typo : cases) {
            mvc.perform(post("/api/v1/match").with(as(TestUsers.KCC)).contentType(MediaType.APPLICATION_JSON)
                            .content(body(typo[0], "telefoon")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.matches[0].slug").value(typo[1]));
        }
    }

    @Test
    void ordinaryQuestionGetsNoMatch() throws Exception {
        for (String ordinary : new String[] {"wanneer wordt het grofvuil opgehaald?",
                // Real words the library does not use are no typos ("verdieping" is not "verkiezing").
                "De verdieping van ons huis wordt verbouwd, heb ik daar een vergunning voor nodig?",
                "Ik wil een afspraak maken voor een nieuw paspoort.",
                "Waar is mijn stembureau en tot hoe laat is het open?"}) {
            mvc.perform(post("/api/v1/match").with(as(TestUsers.KCC)).contentType(MediaType.APPLICATION_JSON)
                            .content(body(ordinary, "telefoon")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.matches", empty()));
        }
    }

    @Test
    void evidenceIsEscapedSoHtmlInTheTextStaysInert() throws Exception {
        mvc.perform(post("/api/v1/match").with(as(TestUsers.KCC)).contentType(MediaType.APPLICATION_JSON)
                        .content(body("<script>alert(1)</script> de chemtrails van die vliegtuigen vergiftigen ons, "
                                + "elke dag spuiten ze gif boven de wijk", "chat")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.matches[0].slug").value("chemtrails"))
                .andExpect(jsonPath("$.matches[*].evidence[*]", not(hasItem(containsString("<script>")))));
    }

    @Test
    void refusesBadInputWithProblemDetails() throws Exception {
        mvc.perform(post("/api/v1/match").with(as(TestUsers.KCC)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"   \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Geen tekst"));
        mvc.perform(post("/api/v1/match").with(as(TestUsers.KCC)).contentType(MediaType.APPLICATION_JSON)
                        .content(body("a".repeat(20_001), "telefoon")))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/match").with(as(TestUsers.KCC)).contentType(MediaType.APPLICATION_JSON)
                        .content(body("chemtrails boven de wijk", "fax")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Onbekend kanaal"));
        mvc.perform(post("/api/v1/match").with(as(TestUsers.KCC)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"chemtrails\", \"colour\": \"red\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/match").with(as(TestUsers.KCC)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"chemtrails"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/match").with(as(TestUsers.KCC)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(new MatchRequest("chemtrails", "chat", "GM0599"))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/match").contentType(MediaType.APPLICATION_JSON).content(body("chemtrails", "chat")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void suggestsNarrativesWhileTyping() throws Exception {
        mvc.perform(get("/api/v1/suggest").param("q", "stempotl").with(as(TestUsers.KCC)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.suggestions[*].slug", hasItem("stempotlood-uitgumbaar")));
        mvc.perform(get("/api/v1/suggest").param("q", "chemtr").with(as(TestUsers.CONNECTOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.suggestions[0].slug").value("chemtrails"));
    }
}
