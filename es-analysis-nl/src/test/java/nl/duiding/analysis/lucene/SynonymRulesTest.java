package nl.duiding.analysis.lucene;

import static nl.duiding.analysis.testing.Tokens.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.junit.jupiter.api.Test;

import nl.duiding.analysis.testing.Tokens;
import nl.duiding.analysis.testing.Tokens.Token;

class SynonymRulesTest {

    private static final List<String> RULES = List.of(
            "azc, asielzoekerscentrum, asielopvang",
            "5g, vijfde generatie");

    @Test
    void expandsEveryWordToAllEquivalentsOnTheSamePosition() {
        assertThat(tokens(synonyms(RULES, true, "het azc")))
                .extracting(Token::term, Token::position)
                .containsExactlyInAnyOrder(
                        tuple("het", 0),
                        tuple("azc", 1),
                        tuple("asielzoekerscentrum", 1),
                        tuple("asielopvang", 1));
    }

    @Test
    void matchesMultiWordRulesAndSpansTheirPositions() {
        var tokens = tokens(synonyms(RULES, true, "vijfde generatie masten"));

        assertThat(tokens).contains(
                new Token("5g", 0, 2, 0, 16),
                new Token("vijfde", 0, 1, 0, 6),
                new Token("generatie", 1, 1, 7, 16),
                new Token("masten", 2, 1, 17, 23));
    }

    @Test
    void withoutExpandMapsEveryEquivalentToTheFirst() {
        assertThat(Tokens.terms(synonyms(RULES, false, "asielopvang"))).containsExactly("azc");
    }

    @Test
    void foldsRulesSoTheyMatchTheFoldedStream() {
        var rules = List.of("Café, Koffiehuis", "Oekraïne => oekraine, kyiv");

        assertThat(Tokens.terms(synonyms(rules, true, "cafe"))).containsExactlyInAnyOrder("cafe", "koffiehuis");
        assertThat(Tokens.terms(synonyms(rules, true, "oekraine"))).containsExactlyInAnyOrder("oekraine", "kyiv");
    }

    @Test
    void rejectsAnInvalidRuleNamingItsNumberTextAndReason() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SynonymRules.parse(List.of("azc, asielzoekerscentrum", "a => b => c"), true))
                .withMessageContaining("#2")
                .withMessageContaining("[a => b => c]")
                .withMessageContaining("more than one explicit mapping");
    }

    @Test
    void rejectsARuleWithATermThatAnalysesToNothing() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SynonymRules.parse(List.of("azc, ???"), true))
                .withMessageContaining("[azc, ???]");
    }

    @Test
    void rejectsASingleTermBecauseItMeansTheRulesArrivedAsOneCommaSeparatedString() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SynonymRules.parse(List.of("azc", "asielzoekerscentrum"), true))
                .withMessageContaining("[azc]")
                .withMessageContaining("JSON array");
    }

    @Test
    void acceptsCommentsAndBlankLines() {
        var map = SynonymRules.parse(List.of("# asiel", "", "azc, asielzoekerscentrum"), true);

        assertThat(Tokens.terms(new SynonymGraphFilter(Tokens.standard("azc"), map, true)))
                .containsExactlyInAnyOrder("azc", "asielzoekerscentrum");
    }

    @Test
    void noRulesGiveAnEmptyMap() {
        assertThat(SynonymRules.parse(List.of(), true).fst).isNull();
    }

    private static TokenStream synonyms(List<String> rules, boolean expand, String text) {
        SynonymMap map = SynonymRules.parse(rules, expand);
        return new SynonymGraphFilter(Tokens.standard(text), map, true);
    }
}
