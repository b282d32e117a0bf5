package nl.duiding.analysis.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import nl.duiding.analysis.testing.Tokens;

class DutchFoldingAnalyzerTest {

    @Test
    void lowercasesFoldsDropsStopwordsAndStems() {
        try (var analyzer = new DutchFoldingAnalyzer()) {
            assertThat(Tokens.terms(analyzer, "De Oekraïense vaccinaties van de gemeentes"))
                    .containsExactly("oekraien", "vaccinatie", "gemeent");
        }
    }

    @Test
    void normalizesQueryTermsWithoutStemming() {
        try (var analyzer = new DutchFoldingAnalyzer()) {
            assertThat(analyzer.normalize("field", "Oekraïense*").utf8ToString()).isEqualTo("oekraiense*");
        }
    }
}
