package nl.duiding.analysis.lucene;

import static nl.duiding.analysis.testing.Tokens.standard;
import static nl.duiding.analysis.testing.Tokens.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.junit.jupiter.api.Test;

import nl.duiding.analysis.testing.Tokens;
import nl.duiding.analysis.testing.Tokens.Token;

class DecompoundFilterTest {

    private final DutchCompoundSplitter splitter = new DutchCompoundSplitter(
            TermFolding.foldAll(List.of("gemeenteraad", "verkiezing", "asielzoeker", "centrum")), 6, 3, true);

    @Test
    void keepsTheCompoundAndStacksItsPartsOnTheSamePositionWithItsOffsets() {
        var stream = new DecompoundFilter(new LowerCaseFilter(standard("De gemeenteraadsverkiezingen zijn")), splitter);

        assertThat(tokens(stream)).containsExactly(
                new Token("de", 0, 1, 0, 2),
                new Token("gemeenteraadsverkiezingen", 1, 1, 3, 28),
                new Token("gemeenteraad", 1, 1, 3, 28),
                new Token("verkiezingen", 1, 1, 3, 28),
                new Token("zijn", 2, 1, 29, 33));
    }

    @Test
    void leavesACompoundASynonymAddedWhole() {
        var rules = SynonymRules.parse(List.of("asielzoekerscentrum, opvang voor asielzoekers"), true);
        var stream = new DecompoundFilter(
                new SynonymGraphFilter(standard("opvang voor asielzoekers"), rules, true), splitter);

        // The writer said "opvang voor asielzoekers"; "centrum" is not among their words.
        assertThat(tokens(stream)).filteredOn(token -> token.position() == 0)
                .extracting(Token::term, Token::positionLength)
                .containsExactlyInAnyOrder(tuple("asielzoekerscentrum", 3), tuple("opvang", 1));
    }

    @Test
    void canBeReusedForTheNextText() {
        try (Analyzer analyzer = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                var tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(tokenizer, new DecompoundFilter(tokenizer, splitter));
            }
        }) {
            assertThat(Tokens.terms(analyzer, "asielzoekerscentrum"))
                    .containsExactly("asielzoekerscentrum", "asielzoeker", "centrum");
            assertThat(Tokens.terms(analyzer, "centrum")).containsExactly("centrum");
        }
    }
}
