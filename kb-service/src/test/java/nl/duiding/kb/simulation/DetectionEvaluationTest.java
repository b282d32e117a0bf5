package nl.duiding.kb.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class DetectionEvaluationTest {

    @Test
    void aCampaignMissedOnTheTenantsFirstDayCountsOnlyInTheOverallRecall() {
        // Four campaign-days, one on the first day and missed there (the cold start), three later and found.
        DetectionEvaluation.Result result = new DetectionEvaluation.Result(4, 3, 3, 0, 0, 3, List.of(), 0, 1, 0);

        assertThat(result.recall()).isEqualTo(0.75);
        assertThat(result.recallWithHistory()).isEqualTo(1.0);
    }

    @Test
    void aCampaignMissedLaterCountsInBoth() {
        DetectionEvaluation.Result result = new DetectionEvaluation.Result(4, 3, 3, 0, 0, 3, List.of(), 0, 1, 1);

        assertThat(result.recall()).isEqualTo(0.75);
        assertThat(result.recallWithHistory()).isCloseTo(0.667, org.assertj.core.api.Assertions.within(0.001));
    }
}
