package nl.duiding.kb.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ClaimLanguageTest {

    /** Stems as the analyzer leaves them: narratives and ordinary questions share their subject (vaccin). */
    private final ClaimLanguage language = ClaimLanguage.fit(
            Map.of("vaccin", 12L, "stiekem", 6L, "overled", 4L, "gemeent", 10L),
            Map.of("vaccin", 8L, "afspraak", 9L, "openingstijd", 5L, "gemeent", 10L));

    @Test
    void aClaimAboutTheSubjectLeansToTheNarratives() {
        assertThat(language.of(List.of("vaccin", "stiekem", "overled"))).isPositive();
    }

    @Test
    void aPracticalQuestionAboutTheSameSubjectLeansToOrdinaryQuestions() {
        assertThat(language.of(List.of("vaccin", "afspraak", "openingstijd"))).isNegative();
    }

    @Test
    void wordsTheLibraryDoesNotKnowChangeNothing() {
        double known = language.of(List.of("vaccin", "stiekem"));

        assertThat(language.of(List.of("vaccin", "stiekem", "jansen", "dorpsstraat"))).isEqualTo(known);
        assertThat(language.of(List.of("jansen"))).isZero();
    }

    @Test
    void aLongTextIsNotMoreClaimForItsLengthAlone() {
        assertThat(language.of(List.of("stiekem", "stiekem", "stiekem"))).isEqualTo(language.of(List.of("stiekem")));
    }

    @Test
    void withoutOrdinaryQuestionsThereIsNothingToCompareWith() {
        assertThat(ClaimLanguage.fit(Map.of("vaccin", 3L), Map.of()).of(List.of("vaccin"))).isZero();
    }
}
