package nl.duiding.analysis.lucene;

import static nl.duiding.analysis.testing.Tokens.standard;
import static nl.duiding.analysis.testing.Tokens.terms;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DutchVowelPluralFilterTest {

    @ParameterizedTest
    @CsvSource({
        "vaccinaties, vaccinatie",
        "locaties, locatie",
        "studies, studie",
        "gemeentes, gemeente",
        "meisjes, meisje",
        "dames, dame",
        "bureaus, bureau",
        "auto's, auto",
        "foto’s, foto",
    })
    void removesThePluralSThatFollowsAVowel(String plural, String singular) {
        assertThat(singular(plural)).isEqualTo(singular);
    }

    @ParameterizedTest
    @CsvSource({"kies", "vies", "les", "fles", "huis", "kaas", "vaccinatie", "asielzoekers"})
    void leavesShortWordsAndOtherEndingsAlone(String word) {
        assertThat(singular(word)).isEqualTo(word);
    }

    @Test
    void alsoTrimsTheRareSingularThatLooksLikeAnEsPluralWhichIsHarmlessBecauseQueriesGetTheSameTreatment() {
        assertThat(singular("adres")).isEqualTo("adre");
    }

    @Test
    void leavesKeywordTokensAlone() {
        var keywords = new CharArraySet(List.of("locaties"), false);
        var stream = new DutchVowelPluralFilter(new SetKeywordMarkerFilter(standard("locaties studies"), keywords));

        assertThat(terms(stream)).containsExactly("locaties", "studie");
    }

    private static String singular(String word) {
        return terms(new DutchVowelPluralFilter(new LowerCaseFilter(standard(word)))).getFirst();
    }
}
