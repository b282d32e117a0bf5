package nl.duiding.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.duiding.analysis.testing.ElasticsearchNode;

/**
 * The index settings the README recommends (src/test/resources/recommended-index.json), created on a
 * real node with the plugin installed: what the analyzers emit, and what searches find.
 */
class RecommendedAnalysisIT {

    private static final String INDEX = "duiding-analysis-it-" + UUID.randomUUID();
    private static final String AZC_DOC = "azc";
    private static final String ELECTIONS_DOC = "verkiezingen";

    private static ElasticsearchNode node;

    @BeforeAll
    static void createIndexWithTwoDocuments() throws IOException {
        node = ElasticsearchNode.connect();
        var created = node.put("/" + INDEX, recommendedIndexSettings());
        assertThat(created.status()).as("create index: %s", created.json()).isEqualTo(200);
        index(AZC_DOC, "Er komt een AZC in onze wijk, zeggen ze op Facebook.");
        index(ELECTIONS_DOC, "De stemmen van de gemeenteraadsverkiezingen zijn niet eerlijk geteld.");
    }

    @AfterAll
    static void deleteIndex() {
        if (node != null) {
            node.delete("/" + INDEX);
        }
    }

    @Test
    void indexAnalyzerFoldsDropsStopwordsDecompoundsAndStems() {
        var tokens = node.analyze("/" + INDEX + "/_analyze", """
                {"analyzer": "nl_index", "text": "De gemeenteraadsverkiezingen in Oekraïense asielzoekerscentra"}""");

        assertThat(tokens).extracting(token -> token.get("token"), token -> token.get("position"))
                .containsExactly(
                        tuple("gemeenteraadsverkiez", 1L),
                        tuple("gemeenterad", 1L),
                        tuple("gemeent", 1L),
                        tuple("rad", 1L),
                        tuple("verkiez", 1L),
                        tuple("oekraien", 3L),
                        tuple("asielzoekerscentra", 4L),
                        tuple("asielzoeker", 4L),
                        tuple("centra", 4L));
    }

    @Test
    void searchAnalyzerAddsSynonymsOnTheSamePositionWithoutSplittingThem() {
        var terms = node.analyzedTerms("/" + INDEX + "/_analyze", """
                {"analyzer": "nl_search", "text": "azc"}""");

        // "centrum" is not what the writer said: a synonym's compound is not split.
        assertThat(terms).containsExactlyInAnyOrder("azc", "asielzoekerscentrum", "asielopvang");
    }

    @Test
    void singularAndPluralMeetInTheStemmer() {
        assertThat(searchAnalyzed("vaccinatie locatie verkiezing asielzoeker"))
                .isEqualTo(searchAnalyzed("vaccinaties locaties verkiezingen asielzoekers"))
                .containsExactly("vaccinatie", "locatie", "verkiez", "asielzoeker");
        assertThat(searchAnalyzed("geteld")).isEqualTo(searchAnalyzed("tellen"));
    }

    @Test
    void asielzoekerscentrumFindsTheDocumentThatSaysAzc() {
        assertThat(search("text", "asielzoekerscentrum")).containsExactly(AZC_DOC);
    }

    @Test
    void verkiezingenFindsTheDocumentAboutGemeenteraadsverkiezingen() {
        assertThat(search("text", "verkiezingen")).containsExactly(ELECTIONS_DOC);
    }

    @Test
    void participleFindsTheInfinitiveThroughTheStemOverride() {
        assertThat(search("text", "tellen")).containsExactly(ELECTIONS_DOC);
    }

    @Test
    void ordinaryQuestionFindsNothing() {
        assertThat(search("text", "wanneer wordt het grofvuil opgehaald?")).isEmpty();
    }

    @Test
    void typedPrefixFindsTheDocumentThroughEdgeNGrams() {
        assertThat(search("text.prefix", "gemeenteraadsverk")).containsExactly(ELECTIONS_DOC);
    }

    @Test
    void duidingDutchAnalyzerNeedsNoSettings() {
        var terms = node.analyzedTerms("/_analyze", """
                {"analyzer": "duiding_dutch", "text": "De Oekraïense vaccinaties"}""");

        assertThat(terms).containsExactly("oekraien", "vaccinatie");
    }

    private static List<String> searchAnalyzed(String text) {
        return node.analyzedTerms("/" + INDEX + "/_analyze", """
                {"analyzer": "nl_search", "text": "%s"}""".formatted(text));
    }

    private static List<String> search(String field, String text) {
        return node.searchIds(INDEX, """
                {"query": {"match": {"%s": "%s"}}}""".formatted(field, text));
    }

    private static void index(String id, String text) {
        var indexed = node.put("/" + INDEX + "/_doc/" + id + "?refresh=true", """
                {"text": "%s"}""".formatted(text));
        assertThat(indexed.status()).as("index %s: %s", id, indexed.json()).isIn(200, 201);
    }

    private static String recommendedIndexSettings() throws IOException {
        try (InputStream in = RecommendedAnalysisIT.class.getResourceAsStream("/recommended-index.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
