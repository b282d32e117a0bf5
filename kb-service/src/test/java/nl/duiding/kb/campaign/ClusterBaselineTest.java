package nl.duiding.kb.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The exact conditional test of a group's count in the window against its own history. */
class ClusterBaselineTest {

    private static final double ALPHA = 0.001;

    @Test
    void aQuestionAskedEveryDayIsNoBurstHoweverFrequent() {
        // 300 like it today, about 300 a day on the 28 days before.
        var verdict = ClusterBaseline.verdict(300, 28 * 290, 28, 1.0, ALPHA);
        assertThat(verdict.burst()).isFalse();
        assertThat(verdict.pValue()).isGreaterThan(0.05);
    }

    @Test
    void aNewTemplateIsABurstAgainstAQuietHistory() {
        var verdict = ClusterBaseline.verdict(30, 1, 28, 1.0, ALPHA);
        assertThat(verdict.burst()).isTrue();
        assertThat(verdict.pValue()).isLessThan(1e-20);
    }

    @Test
    void aDoublingOfAFrequentQuestionIsABurstButANormalDayIsNot() {
        assertThat(ClusterBaseline.verdict(200, 28 * 100, 28, 1.0, ALPHA).burst()).isTrue();
        assertThat(ClusterBaseline.verdict(115, 28 * 100, 28, 1.0, ALPHA).burst()).isFalse();
    }

    @Test
    void aFewDaysOfHistoryAlreadyTellAFrequentQuestionFromANewOne() {
        assertThat(ClusterBaseline.verdict(60, 2 * 55, 2, 1.0, ALPHA).burst()).isFalse();
        assertThat(ClusterBaseline.verdict(40, 0, 2, 1.0, ALPHA).burst()).isTrue();
    }

    @Test
    void withoutAnyHistoryEveryLargeGroupCounts() {
        assertThat(ClusterBaseline.verdict(25, 0, 0, 1.0, ALPHA).burst()).isTrue();
    }
}
