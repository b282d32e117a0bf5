package nl.duiding.analysis;

import static nl.duiding.analysis.testing.Tokens.standard;
import static nl.duiding.analysis.testing.Tokens.terms;
import static nl.duiding.analysis.testing.Tokens.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;

import org.elasticsearch.plugin.analysis.AnalysisMode;
import org.junit.jupiter.api.Test;

import nl.duiding.analysis.testing.SettingsProxy;
import nl.duiding.analysis.testing.Tokens.Token;

class SynonymsTokenFilterFactoryTest {

    private static final List<String> RULES = List.of("azc, asielzoekerscentrum, asielopvang", "5g, vijfde generatie");

    @Test
    void expandsByDefaultSoAsielzoekerscentrumAlsoSearchesAzc() {
        var factory = factory(Map.of("synonyms", RULES));

        assertThat(terms(factory.create(standard("asielzoekerscentrum"))))
                .containsExactlyInAnyOrder("asielzoekerscentrum", "azc", "asielopvang");
    }

    @Test
    void expandFalseReducesEquivalentsToTheFirst() {
        var factory = factory(Map.of("synonyms", RULES, "expand", "false"));

        assertThat(terms(factory.create(standard("asielopvang")))).containsExactly("azc");
    }

    @Test
    void isSearchTimeOnlyUnlessFlattened() {
        assertThat(factory(Map.of("synonyms", RULES)).getAnalysisMode()).isEqualTo(AnalysisMode.SEARCH_TIME);
        assertThat(factory(Map.of("synonyms", RULES, "flatten", "true")).getAnalysisMode()).isEqualTo(AnalysisMode.ALL);
    }

    @Test
    void flattenTurnsTheMultiWordGraphIntoIndexablePositions() {
        var graph = tokens(factory(Map.of("synonyms", RULES)).create(standard("5g mast")));
        var flat = tokens(factory(Map.of("synonyms", RULES, "flatten", "true")).create(standard("5g mast")));

        assertThat(graph).contains(new Token("vijfde", 0, 1, 0, 2), new Token("generatie", 1, 1, 0, 2),
                new Token("5g", 0, 2, 0, 2), new Token("mast", 2, 1, 3, 7));
        assertThat(flat).extracting(Token::term, Token::position)
                .contains(
                        tuple("5g", 0),
                        tuple("vijfde", 0),
                        tuple("generatie", 1),
                        tuple("mast", 2));
    }

    @Test
    void withoutRulesPassesTokensThrough() {
        var stream = standard("azc");

        assertThat(factory(Map.of()).create(stream)).isSameAs(stream);
    }

    @Test
    void badRuleFailsWhenTheIndexIsCreatedWithAClearMessage() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> factory(Map.of("synonyms", List.of("azc => "))))
                .withMessageStartingWith("Invalid synonym rule #1 [azc => ]");
    }

    private static SynonymsTokenFilterFactory factory(Map<String, ?> settings) {
        return new SynonymsTokenFilterFactory(SettingsProxy.of(SynonymSettings.class, settings));
    }
}
