package nl.duiding.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import nl.duiding.analysis.testing.Tokens;

class DutchAnalyzerFactoryTest {

    @Test
    void analyzesDutchWithoutAnySettings() {
        try (var analyzer = new DutchAnalyzerFactory().create()) {
            assertThat(Tokens.terms(analyzer, "De asielzoekers en de Oekraïense locaties"))
                    .containsExactly("asielzoeker", "oekraien", "locatie");
        }
    }
}
