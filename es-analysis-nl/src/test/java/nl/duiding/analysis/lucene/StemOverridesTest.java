package nl.duiding.analysis.lucene;

import static nl.duiding.analysis.testing.Tokens.standard;
import static nl.duiding.analysis.testing.Tokens.terms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.junit.jupiter.api.Test;

class StemOverridesTest {

    @Test
    void mapsEveryWordLeftOfTheArrowToTheStem() {
        assertThat(overridden(List.of("geteld, telde => tell"), "geteld telde tellen"))
                .containsExactly("tell", "tell", "tellen");
    }

    @Test
    void foldsBothSidesLikeTheTokenStream() {
        assertThat(overridden(List.of("Geëist => EIS"), "geeist")).containsExactly("eis");
    }

    @Test
    void keepsLucenesBuiltInDutchExceptions() {
        assertThat(overridden(List.of(), "fiets kind ei")).containsExactly("fiets", "kinder", "eier");
    }

    @Test
    void configuredRuleWinsOverBuiltInException() {
        assertThat(overridden(List.of("kind => kind"), "kind")).containsExactly("kind");
    }

    @Test
    void rejectsRuleWithoutArrowNamingTheRule() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> StemOverrides.parse(List.of("geteld tell")))
                .withMessageContaining("[geteld tell]")
                .withMessageContaining("=>");
    }

    @Test
    void rejectsRuleWithTwoArrows() {
        assertThatIllegalArgumentException().isThrownBy(() -> StemOverrides.parse(List.of("a => b => c")));
    }

    @Test
    void rejectsEmptyStemOrWord() {
        assertThatIllegalArgumentException().isThrownBy(() -> StemOverrides.parse(List.of("geteld => ")))
                .withMessageContaining("stem");
        assertThatIllegalArgumentException().isThrownBy(() -> StemOverrides.parse(List.of("geteld, => tell")))
                .withMessageContaining("word");
    }

    private static List<String> overridden(List<String> rules, String text) {
        return terms(new StemmerOverrideFilter(standard(text), StemOverrides.parse(rules)));
    }
}
