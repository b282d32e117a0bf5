package nl.duiding.kb.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The exact conditional test of a group's count in the window against its own history. */
class ClusterBaselineTest {

    private static final long MIN = 20;
    private static final double ALPHA = 0.001;
    private static final double RATIO = 3;
    private static final long DAY = 10_000;

    @Test
    void aQuestionAskedEveryDayIsNoBurstHoweverFrequent() {
        // 300 like it today among 10,000 contacts, 290 a day among 10,000 a day on the 28 days before.
        var verdict = ClusterBaseline.verdict(300, 28 * 290, DAY, 28 * DAY, MIN, ALPHA, RATIO);
        assertThat(verdict.burst()).isFalse();
        assertThat(verdict.pValue()).isGreaterThan(0.05);
    }

    @Test
    void aNewTemplateIsABurstAgainstAQuietHistory() {
        var verdict = ClusterBaseline.verdict(30, 1, DAY, 28 * DAY, MIN, ALPHA, RATIO);
        assertThat(verdict.burst()).isTrue();
        assertThat(verdict.pValue()).isLessThan(1e-20);
    }

    @Test
    void onlyAManyFoldRiseOfAFrequentQuestionIsABurst() {
        assertThat(ClusterBaseline.verdict(400, 28 * 100, DAY, 28 * DAY, MIN, ALPHA, RATIO).burst()).isTrue();
        // Doubled: significant, but a busy day for an ordinary question rather than a campaign.
        assertThat(ClusterBaseline.verdict(200, 28 * 100, DAY, 28 * DAY, MIN, ALPHA, RATIO).burst()).isFalse();
        assertThat(ClusterBaseline.verdict(115, 28 * 100, DAY, 28 * DAY, MIN, ALPHA, RATIO).burst()).isFalse();
    }

    @Test
    void aQuietWeekendInTheHistoryDoesNotMakeAnOrdinaryMondayABurst() {
        // Thursday and Friday at 10,000 contacts, the weekend at a third: 26,667 in all, 75 like it (30 a weekday).
        assertThat(ClusterBaseline.verdict(30, 75, DAY, 26_667, MIN, ALPHA, RATIO).burst()).isFalse();
    }

    @Test
    void aFewDaysOfHistoryAlreadyTellAFrequentQuestionFromANewOne() {
        assertThat(ClusterBaseline.verdict(60, 2 * 55, DAY, 2 * DAY, MIN, ALPHA, RATIO).burst()).isFalse();
        assertThat(ClusterBaseline.verdict(40, 0, DAY, 2 * DAY, MIN, ALPHA, RATIO).burst()).isTrue();
    }

    @Test
    void aFewTestContactsBeforeTheStartDoNotHideTheFirstCampaign() {
        // One contact two days ago, then 25 template letters and a handful of other contacts today.
        assertThat(ClusterBaseline.verdict(25, 0, 30, 1, MIN, ALPHA, RATIO).burst()).isTrue();
        // Without the rule: p = 30/31, and 25 of 25 is no surprise.
        assertThat(ClusterBaseline.verdict(25, 0, 30, 1, 0, ALPHA, RATIO).burst()).isFalse();
        // A quiet weekend day as all the history is history enough: an ordinary question is no burst on Monday.
        assertThat(ClusterBaseline.verdict(300, 90, DAY, 3_000, MIN, ALPHA, RATIO).burst()).isFalse();
    }

    @Test
    void withoutAnyHistoryEveryLargeGroupCounts() {
        assertThat(ClusterBaseline.verdict(25, 0, DAY, 0, MIN, ALPHA, RATIO).burst()).isTrue();
    }
}
