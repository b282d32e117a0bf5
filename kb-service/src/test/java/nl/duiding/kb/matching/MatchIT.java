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
import org.springframework.test.web.servlet.ResultActions;
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

    /** A long letter about waste, parking and a playground, with a third point in between (below). */
    private static final String LETTER_START = """
            Geachte heer, mevrouw,

            Ik woon sinds drie jaar met mijn vrouw en onze twee kinderen aan de Lijsterbeslaan, in het huurhuis \
            op de hoek bij het speeltuintje. Ik schrijf u omdat ik een paar dingen heb die ik graag in één keer \
            wil regelen, want bellen lukt mij overdag slecht met mijn werk in de ploegendienst. Ik hoop dat u \
            het mij niet kwalijk neemt dat het een lange brief is geworden.

            Ten eerste de containers. Sinds de nieuwe inzamelkalender staat de papiercontainer bij ons in de \
            straat regelmatig een week te lang vol, en dan gaan mensen de dozen ernaast zetten. Als het dan \
            waait, ligt het karton door de hele straat en in de tuinen. Kan de papiercontainer vaker geleegd \
            worden, of kan er een tweede container bij komen? Ook zou ik graag willen weten of wij als huurders \
            zelf een extra groene container kunnen aanvragen, want met twee kinderen en een tuin is de kleine \
            container na een week al vol.

            Ten tweede het parkeren. Sinds de school aan de overkant is uitgebreid, staan er 's ochtends tussen \
            half acht en negen uur auto's half op de stoep en voor onze uitrit. Mijn vrouw kan dan met de \
            bakfiets niet van het erf af. Wij hebben dit al eens gemeld bij de wijkagent, maar het wordt niet \
            beter. Is het mogelijk om bij onze uitrit een gele streep te zetten, of om paaltjes te plaatsen?

            """;
    private static final String LETTER_END = """
            Ten vierde wil ik u bedanken voor het nieuwe speeltuintje. Onze kinderen spelen er elke dag en de \
            buurt is er echt blij mee. Wel zijn er 's avonds soms jongeren die er op de schommels zitten en hun \
            blikjes laten liggen. Misschien kan er een extra prullenbak komen?

            Ik hoor graag van u, bij voorkeur per brief, want mijn e-mail lees ik niet zo vaak. Alvast hartelijk \
            dank voor de moeite.

            Met vriendelijke groet,

            R. van Dalen""";
    private static final String METER_APPOINTMENT = """
            Ten derde de nieuwe meter. Wij kregen een brief van de netbeheerder dat onze oude \
            elektriciteitsmeter en gasmeter in de meterkast worden vervangen door een slimme meter. Daar hebben \
            wij op zich geen bezwaar tegen, maar de afspraak staat op een dinsdagochtend en dan werk ik. Weet u \
            of de monteur ook op zaterdag kan komen, of moet ik daarvoor bij de netbeheerder zelf zijn? En \
            moeten wij de meterkast vooraf leeghalen? Er staan nu de stofzuiger en de kinderwagen in.

            """;
    private static final String METER_BELIEF = """
            Ten derde de nieuwe meter, en daar maak ik mij echt zorgen over. Wij kregen een brief van de \
            netbeheerder dat onze oude meters worden vervangen door zo'n digitaal kastje. Een collega heeft mij \
            uitgelegd dat dat ding de hele dag doorgeeft wanneer wij thuis zijn, wanneer we douchen en wanneer \
            we slapen, en dat die gegevens gewoon bij de overheid en de verzekeraars terechtkomen. Bovendien \
            zendt het kastje de hele dag straling uit, en mijn vrouw heeft nu al hoofdpijn als ze in de gang \
            staat. Ik wil dat ding dus niet in mijn huis en ik verwacht dat de gemeente ervoor zorgt dat wij \
            onze oude meter mogen houden.

            """;

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
    void findsTheAzcRumourAlsoWhenTheBuurtappIsNamed() throws Exception {
        // Hearsay words are shared by every rumour; they used to pull sibling narratives (the Ukrainians' shelter, a
        // crime "kept quiet") above the rumour itself: the one the seeds name first, told the way it travels.
        mvc.perform(post("/api/v1/match").with(as(TestUsers.KCC)).contentType(MediaType.APPLICATION_JSON)
                        .content(body("klopt het dat er een azc komt in onze wijk, dat zegt iedereen in de buurtapp",
                                "telefoon")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.matches[0].slug").value("azc-komst-gerucht"));
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
    void longLetterWithAPracticalQuestionOnANarrativesSubjectGetsNoMatch() throws Exception {
        // Read alone, the paragraph about the meter's replacement looks like the smart-meter narrative (0.89 before
        // long letters had a stage of their own); in a letter of nine windows and more the stage weighs it down.
        String letter = LETTER_START + METER_APPOINTMENT + LETTER_END;
        assertThat(matcher.windowTexts(letter)).hasSizeGreaterThan(9);

        matchLetter(letter).andExpect(jsonPath("$.matches", empty()));
    }

    @Test
    void findsTheBeliefInOneParagraphOfTheSameLongLetter() throws Exception {
        matchLetter(LETTER_START + METER_BELIEF + LETTER_END)
                .andExpect(jsonPath("$.matches[0].slug").value("slimme-meter-straling-spionage"))
                .andExpect(jsonPath("$.matches[0].evidence[0]").value(containsString("<em>")));
    }

    private ResultActions matchLetter(String letter) throws Exception {
        return mvc.perform(post("/api/v1/match").with(as(TestUsers.KCC)).contentType(MediaType.APPLICATION_JSON)
                        .content(body(letter, "brief")))
                .andExpect(status().isOk());
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
