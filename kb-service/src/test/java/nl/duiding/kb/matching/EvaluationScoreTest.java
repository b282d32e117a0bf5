package nl.duiding.kb.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class EvaluationScoreTest {

    private static final EvaluationCase TWO_CLAIMS = new EvaluationCase("stempotlood uitgumbaar en stemmen niet geteld",
            List.of("stempotlood-uitgumbaar", "verkiezingsfraude-stemmen-niet-geteld"));
    private static final EvaluationCase ORDINARY = new EvaluationCase("wanneer wordt het grofvuil opgehaald?",
            List.of());

    @Test
    void aTwoClaimTextShowingOneNarrativeCountsHalfForRecallAndIsListed() {
        EvaluationScore score = new EvaluationScore();
        score.add(TWO_CLAIMS, List.of("stempotlood-uitgumbaar"), 1_000_000);

        EvaluationScore.Figures figures = score.figures();
        assertThat(figures.top1()).isEqualTo(1.0);
        assertThat(figures.recallAt3()).isEqualTo(0.5);
        assertThat(score.misses()).singleElement().asString()
                .startsWith("expected [stempotlood-uitgumbaar, verkiezingsfraude-stemmen-niet-geteld], "
                        + "got [stempotlood-uitgumbaar]");
    }

    @Test
    void bothNarrativesAmongTheFirstThreeIsNoMiss() {
        EvaluationScore score = new EvaluationScore();
        score.add(TWO_CLAIMS, List.of("verkiezingsfraude-stemmen-niet-geteld", "deepfake-bestuurder",
                "stempotlood-uitgumbaar"), 1_000_000);

        assertThat(score.figures().recallAt3()).isEqualTo(1.0);
        assertThat(score.misses()).isEmpty();
    }

    @Test
    void aNarrativeShownOnAnOrdinaryQuestionIsAFalseMatch() {
        EvaluationScore score = new EvaluationScore();
        score.add(ORDINARY, List.of("azc-komst-gerucht"), 1_000_000);
        score.add(ORDINARY, List.of(), 1_000_000);

        assertThat(score.figures().falseMatchRate()).isEqualTo(0.5);
        assertThat(score.figures().top1AllLines()).isEqualTo(0.5);
        assertThat(score.misses()).containsExactly("false match azc-komst-gerucht: " + ORDINARY.text());
    }

    @Test
    void aMissNamesHowCloseTheExpectedNarrativeCameAndAHitAsksNothing() {
        EvaluationScore score = new EvaluationScore();
        score.add(TWO_CLAIMS, List.of(), 1_000_000, () -> " (scores: stempotlood-uitgumbaar 0.42)");
        score.add(TWO_CLAIMS, List.of("stempotlood-uitgumbaar", "verkiezingsfraude-stemmen-niet-geteld"), 1_000_000,
                () -> {
                    throw new AssertionError("scores asked for a line that is no miss");
                });

        assertThat(score.misses()).containsExactly("expected [stempotlood-uitgumbaar, "
                + "verkiezingsfraude-stemmen-niet-geteld], got nothing (scores: stempotlood-uitgumbaar 0.42): "
                + TWO_CLAIMS.text());
    }
}
