package nl.duiding.kb.matching;

import static nl.duiding.kb.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import nl.duiding.kb.index.IndexNames;
import nl.duiding.kb.support.IsolatedIndices;
import nl.duiding.kb.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Matching with an embedding model (the profile that switches on the model shipped with kb-service): the phrasings
 * are indexed with their vectors on the real node, knn finds a window's nearest phrasings, and the calibration fitted
 * with the model turns them into scores.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("embedding-minilm")
class MatchWithEmbeddingsIT {

    @RegisterExtension
    static final IsolatedIndices INDICES = new IsolatedIndices();
    private static final String MAST_STORY = "sinds die nieuwe zendmast naast de basisschool staat hebben de kinderen "
            + "elke dag hoofdpijn, haal dat ding weg";

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
    ElasticsearchClient client;
    @Autowired
    IndexNames names;

    @Test
    void indexesEveryTriggerPhrasingAndOrdinaryQuestionWithItsVector() throws IOException {
        String index = names.alias(MatchIndices.MATCH);
        for (String kind : List.of(MatchDocument.TRIGGER, MatchDocument.ORDINARY)) {
            long all = count(index, Query.of(q -> q.term(t -> t.field("kind").value(kind))));
            long withVector = count(index, Query.of(q -> q.bool(b -> b
                    .filter(f -> f.term(t -> t.field("kind").value(kind)))
                    .filter(f -> f.exists(e -> e.field("embedding"))))));

            assertThat(all).as(kind).isGreaterThan(1000);
            assertThat(withVector).as(kind).isEqualTo(all);
        }
    }

    @Test
    void scoresEachNarrativeWithItsNearestPhrasingsByMeaning() {
        Map<String, FeatureExtractor.Scored> scored = matcher.read(MAST_STORY, Set.of("nationaal"), Set.of()).windows()
                .getFirst().scored();

        Features.Semantic health = scored.get("nationaal|5g-gezondheid").features().semantic();
        assertThat(health).isNotNull();
        assertThat(health.similarity()).isGreaterThan(health.ordinary());
        assertThat(scored.values()).allSatisfy(s -> assertThat(s.features().vector())
                .hasSize(Features.SEMANTIC_NAMES.size()));
    }

    @Test
    void findsTheNarrativeOfAStoryAndNoneForAnOrdinaryQuestion() throws Exception {
        mvc.perform(post("/api/v1/match").with(as(TestUsers.KCC)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(new MatchRequest(MAST_STORY, "telefoon", null))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.matches[0].slug").value("5g-gezondheid"));

        mvc.perform(post("/api/v1/match").with(as(TestUsers.KCC)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(new MatchRequest(
                                "goedemorgen, wanneer wordt het grofvuil bij ons in de straat opgehaald?", "telefoon",
                                null))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.matches").isEmpty());
    }

    @Test
    void embedsOnlyTheWindowsOfALongLetterThatSoundMostLikeAClaim() throws Exception {
        List<String> paragraphs = List.of(
                "Geachte heer of mevrouw, ik schrijf u omdat ik een parkeervergunning wil aanvragen voor mijn tweede "
                        + "auto. Mijn partner werkt in ploegendienst en komt vaak laat thuis.",
                "Daarnaast wil ik weten wanneer het grofvuil in onze straat wordt opgehaald, want wij hebben een oude "
                        + "bank en een kast die weg moeten na de verhuizing.",
                "Ook moet mijn paspoort worden verlengd. Kan ik daarvoor online een afspraak maken bij het "
                        + "gemeentehuis, of moet ik bellen met het klantcontactcentrum?",
                "Verder heb ik een vraag over de aanslag gemeentelijke belastingen. Ik wil graag in termijnen betalen "
                        + "en zou willen weten hoe ik dat regel.",
                "De lantaarnpaal voor ons huis is al twee weken kapot. Ik heb het al gemeld via de app maar er is nog "
                        + "niemand geweest om hem te repareren.",
                "Sinds die nieuwe zendmast naast de basisschool staat hebben de kinderen elke dag hoofdpijn en slapen "
                        + "ze slecht, die straling is gevaarlijk, haal dat ding weg.",
                "Onze buren gaan verbouwen en ik vraag mij af of daar een omgevingsvergunning voor nodig is en waar ik "
                        + "de plannen kan inzien.",
                "Mijn zoon gaat na de zomer naar de middelbare school. Heeft hij recht op leerlingenvervoer, of moet "
                        + "hij zelf met de fiets?",
                "Het speeltuintje in de wijk heeft een kapot klimrek. Wie is daarvoor verantwoordelijk en wanneer "
                        + "wordt het gemaakt?",
                "Ik wil mij graag aanmelden als vrijwilliger bij het buurthuis. Waar kan ik mij daarvoor melden en "
                        + "wat wordt er van mij verwacht?",
                "In de bibliotheek wil ik graag een cursus digitale vaardigheden volgen. Weet u of die ook in de "
                        + "avonduren wordt gegeven en wat die kost?",
                "Mijn moeder woont alleen en heeft hulp nodig bij het huishouden. Hoe vragen wij huishoudelijke hulp "
                        + "aan via de Wmo en hoe lang duurt dat?",
                "De stoep in onze straat ligt scheef door boomwortels. Mijn buurvrouw met een rollator is er vorige "
                        + "week bijna over gevallen.",
                "Wij willen een straatfeest organiseren in september. Welke vergunning hebben wij nodig om de straat "
                        + "een middag af te sluiten?",
                "Ook zou ik graag weten of er subsidie bestaat voor zonnepanelen of voor het isoleren van de "
                        + "spouwmuur van een ouder huis.",
                "Onze hond is vorige maand overleden. Moet ik hem afmelden voor de hondenbelasting, en krijg ik dan "
                        + "geld terug over de rest van het jaar?",
                "Tot slot wil ik weten of de milieustraat op zaterdag open is, want dan kan ik zelf het snoeiafval "
                        + "wegbrengen met de aanhanger.",
                "Ik hoor graag van u en dank u alvast voor de moeite. Met vriendelijke groet, een bewoner van de "
                        + "Beukenlaan.");
        String letter = String.join(" ", paragraphs);

        List<Matcher.Window> windows = matcher.read(letter, Set.of("nationaal"), Set.of()).windows();
        List<Matcher.Window> embedded = windows.stream().filter(w -> w.scored().values().stream()
                .anyMatch(s -> s.features().semantic().similarity() != 0)).toList();

        assertThat(windows.size()).isGreaterThan(8);
        assertThat(embedded.size()).isEqualTo(8);
        assertThat(embedded.stream().map(w -> w.terms().text())).anyMatch(text -> text.contains("zendmast"));
        mvc.perform(post("/api/v1/match").with(as(TestUsers.KCC)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(new MatchRequest(letter, "brief", null))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.matches[0].slug").value("5g-gezondheid"));
    }

    private long count(String index, Query query) throws IOException {
        return client.count(c -> c.index(index).query(query)).count();
    }
}
