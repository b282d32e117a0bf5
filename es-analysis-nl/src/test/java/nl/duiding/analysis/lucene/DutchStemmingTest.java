package nl.duiding.analysis.lucene;

import static nl.duiding.analysis.testing.Tokens.standard;
import static nl.duiding.analysis.testing.Tokens.terms;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.lucene.analysis.LowerCaseFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DutchStemmingTest {

    private final DutchStemming defaults = new DutchStemming(StemOverrides.parse(List.of()));

    @ParameterizedTest(name = "{0} and {1} meet")
    @CsvSource({
        "vaccinatie, vaccinaties",
        "asielzoeker, asielzoekers",
        "locatie, locaties",
        "verkiezing, verkiezingen",
        "gemeente, gemeenten",
        "gemeente, gemeentes",
        "vaccin, vaccins",
        "mast, masten",
        "straling, stralingen",
        "woning, woningen",
        "opvang, opvangen",
        "kind, kinderen",
        "fiets, fietsen",
        "auto, auto's",
    })
    void singularAndPluralMeet(String singular, String plural) {
        assertThat(stem(defaults, plural)).isEqualTo(stem(defaults, singular));
    }

    @Test
    void participleMeetsInfinitiveOnlyThroughAnOverride() {
        assertThat(stem(defaults, "geteld")).isNotEqualTo(stem(defaults, "tellen"));

        var withOverride = new DutchStemming(StemOverrides.parse(List.of("geteld, telde => tell")));

        assertThat(stem(withOverride, "geteld"))
                .isEqualTo(stem(withOverride, "tellen"))
                .isEqualTo(stem(withOverride, "telde"))
                .isEqualTo("tell");
    }

    @Test
    void stemsEveryTokenOfAStream() {
        var stream = defaults.apply(new LowerCaseFilter(standard("Verkiezingen in gemeentes")));

        assertThat(terms(stream)).containsExactly("verkiez", "in", "gemeent");
    }

    private static String stem(DutchStemming stemming, String word) {
        return terms(stemming.apply(standard(word))).getFirst();
    }
}
