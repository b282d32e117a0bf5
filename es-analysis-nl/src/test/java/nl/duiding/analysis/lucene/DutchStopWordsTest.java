package nl.duiding.analysis.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class DutchStopWordsTest {

    @Test
    void usesLucenesDutchListWhenNothingIsConfigured() {
        var stopwords = DutchStopWords.from(List.of());

        assertThat(stopwords.contains("de")).isTrue();
        assertThat(stopwords.contains("het")).isTrue();
        assertThat(stopwords.contains("van")).isTrue();
        assertThat(stopwords.contains("vaccin")).isFalse();
    }

    @Test
    void configuredListReplacesTheDefaults() {
        var stopwords = DutchStopWords.from(List.of("graag", "Même"));

        assertThat(stopwords.contains("graag")).isTrue();
        assertThat(stopwords.contains("meme")).isTrue();
        assertThat(stopwords.contains("de")).isFalse();
    }

    @Test
    void dutchPlaceholderExtendsTheDefaults() {
        var stopwords = DutchStopWords.from(List.of("_dutch_", "graag"));

        assertThat(stopwords.contains("graag")).isTrue();
        assertThat(stopwords.contains("de")).isTrue();
        assertThat(stopwords).hasSize(DutchStopWords.defaults().size() + 1);
    }
}
