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
        Map<String, FeatureExtractor.Scored> scored = matcher.windows(MAST_STORY, Set.of("nationaal"), Set.of())
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

    private long count(String index, Query query) throws IOException {
        return client.count(c -> c.index(index).query(query)).count();
    }
}
