package nl.duiding.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.duiding.analysis.testing.ElasticsearchNode;
import nl.duiding.analysis.testing.Json;

/** Component settings on a real node, including how it reports settings that cannot work. */
class AnalysisSettingsIT {

    private static ElasticsearchNode node;

    private final String index = "duiding-settings-it-" + UUID.randomUUID();

    @BeforeAll
    static void connect() {
        node = ElasticsearchNode.connect();
    }

    @AfterEach
    void deleteIndex() {
        node.delete("/" + index + "?ignore_unavailable=true");
    }

    @Test
    void filtersWorkByNameWithoutAnySettings() {
        var terms = node.analyzedTerms("/_analyze", """
                {"tokenizer": "standard",
                 "filter": ["duiding_lowercase", "duiding_folding", "duiding_stop", "duiding_stem"],
                 "text": "Het café in de Oekraïense gemeentes"}""");

        assertThat(terms).containsExactly("caf", "oekraien", "gemeent");
    }

    @Test
    void stopwordsAndOverridesFromIndexSettingsApply() {
        createIndex("""
                {"settings": {"analysis": {
                  "filter": {
                    "my_stop": {"type": "duiding_stop", "stopwords": ["_dutch_", "graag"]},
                    "my_stem": {"type": "duiding_stem", "overrides": ["geteld => tell"]}},
                  "analyzer": {"nl": {"tokenizer": "standard", "filter": ["duiding_lowercase", "my_stop", "my_stem"]}}}}}""");

        var terms = node.analyzedTerms("/" + index + "/_analyze", """
                {"analyzer": "nl", "text": "Graag de stemmen geteld"}""");

        assertThat(terms).containsExactly("stemm", "tell");
    }

    @Test
    void multiWordSynonymSpansThePositionsOfThePhrase() {
        var tokens = node.analyze("/_analyze", """
                {"tokenizer": "standard",
                 "filter": ["duiding_lowercase", {"type": "duiding_synonyms", "synonyms": ["5g, vijfde generatie"]}],
                 "text": "5G mast"}""");

        assertThat(tokens).anySatisfy(token -> {
            assertThat(token.get("token")).isEqualTo("vijfde");
            assertThat(token.get("position")).isEqualTo(0L);
        }).anySatisfy(token -> {
            assertThat(token.get("token")).isEqualTo("5g");
            assertThat(token.get("positionLength")).isEqualTo(2L);
        }).anySatisfy(token -> {
            assertThat(token.get("token")).isEqualTo("mast");
            assertThat(token.get("position")).isEqualTo(2L);
        });
    }

    @Test
    void flattenedSynonymsMayBeUsedAtIndexTime() {
        createIndex("""
                {"settings": {"analysis": {
                  "filter": {"syn": {"type": "duiding_synonyms", "flatten": true, "synonyms": ["5g, vijfde generatie"]}},
                  "analyzer": {"nl": {"tokenizer": "standard", "filter": ["duiding_lowercase", "syn"]}}}},
                 "mappings": {"properties": {"text": {"type": "text", "analyzer": "nl", "search_analyzer": "standard"}}}}""");
        node.put("/" + index + "/_doc/1?refresh=true", """
                {"text": "Een 5G-mast in het park"}""");

        assertThat(node.searchIds(index, """
                {"query": {"match_phrase": {"text": "vijfde generatie mast"}}}""")).containsExactly("1");
    }

    @Test
    void graphSynonymsAreRefusedInAnIndexAnalyzer() {
        var response = node.put("/" + index, """
                {"settings": {"analysis": {
                  "filter": {"syn": {"type": "duiding_synonyms", "synonyms": ["azc, asielzoekerscentrum"]}},
                  "analyzer": {"nl": {"tokenizer": "standard", "filter": ["duiding_lowercase", "syn"]}}}},
                 "mappings": {"properties": {"text": {"type": "text", "analyzer": "nl"}}}}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(String.valueOf(Json.at(response.json(), "error", "reason")))
                .contains("[duiding_synonyms]", "not allowed to run in index time mode");
    }

    @Test
    void badSynonymRuleFailsIndexCreationWithTheRuleInTheMessageAndTheNodeCarriesOn() {
        var response = node.put("/" + index, """
                {"settings": {"analysis": {
                  "filter": {"syn": {"type": "duiding_synonyms", "synonyms": ["azc, asielzoekerscentrum", "a => b => c"]}},
                  "analyzer": {"nl": {"tokenizer": "standard", "filter": ["duiding_lowercase", "syn"]}}}}}""");

        assertThat(response.status()).isGreaterThanOrEqualTo(400);
        assertThat(response.json().toString()).contains("Invalid synonym rule #2 [a => b => c]");
        assertThat(node.get("/" + index).status()).isEqualTo(404);
        assertThat(node.get("/_cluster/health").status()).isEqualTo(200);
    }

    @Test
    void synonymsGivenAsOneStringAreRefusedInsteadOfSilentlyIgnored() {
        var response = node.put("/" + index, """
                {"settings": {"analysis": {
                  "filter": {"syn": {"type": "duiding_synonyms", "synonyms": "azc, asielzoekerscentrum"}},
                  "analyzer": {"nl": {"tokenizer": "standard", "filter": ["duiding_lowercase", "syn"]}}}}}""");

        assertThat(response.json().toString()).contains("Invalid synonym rule #1 [azc]", "JSON array");
    }

    @Test
    void decompoundSettingsApply() {
        var terms = node.analyzedTerms("/_analyze", """
                {"tokenizer": "standard",
                 "filter": ["duiding_lowercase",
                            {"type": "duiding_decompound", "words": ["kip", "hok"], "min_subword_size": 3}],
                 "text": "kippenhok"}""");

        assertThat(terms).containsExactly("kippenhok", "kip", "hok");
    }

    @Test
    void edgeNGramSettingsApply() {
        var terms = node.analyzedTerms("/_analyze", """
                {"tokenizer": "standard",
                 "filter": ["duiding_lowercase",
                            {"type": "duiding_edge_ngram", "min_gram": 3, "max_gram": 4, "preserve_original": false}],
                 "text": "Vaccin"}""");

        assertThat(terms).containsExactly("vac", "vacc");
    }

    private void createIndex(String body) {
        var response = node.put("/" + index, body);
        assertThat(response.status()).as("create index: %s", response.json()).isEqualTo(200);
    }
}
