package nl.duiding.analysis;

import static nl.duiding.analysis.testing.Tokens.standard;
import static nl.duiding.analysis.testing.Tokens.terms;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LowercaseAndFoldingTokenFilterFactoryTest {

    private final LowercaseTokenFilterFactory lowercase = new LowercaseTokenFilterFactory();
    private final FoldingTokenFilterFactory folding = new FoldingTokenFilterFactory();

    @Test
    void foldsDiacriticsSoOekraienseMatches() {
        var stream = folding.create(lowercase.create(standard("Oekraïense CAFÉ ĳs")));

        assertThat(terms(stream)).containsExactly("oekraiense", "cafe", "ijs");
    }

    @Test
    void appliesToQueryTermsThatAreNormalizedInsteadOfAnalyzed() {
        var stream = folding.normalize(lowercase.normalize(standard("Oekraïense")));

        assertThat(terms(stream)).containsExactly("oekraiense");
    }

    @Test
    void lowercaseAloneKeepsDiacritics() {
        assertThat(terms(lowercase.create(standard("Oekraïense")))).containsExactly("oekraïense");
    }
}
