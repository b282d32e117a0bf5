package nl.duiding.kb.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The exact conditional test of a group's count in the window against its own history, and the cold start. */
class ClusterBaselineTest {

    private static final long DAY = 10_000;
    /** Arrivals no different from the tenant's other contacts. */
    private static final double LIKE_OTHERS = 0.5;
    /** Arrivals in a wave. */
    private static final double WAVE = 1e-9;

    private final CampaignProperties properties = properties(20);

    static CampaignProperties properties(int minContacts) {
        return new CampaignProperties(Duration.ofSeconds(30), Duration.ofHours(24), minContacts, 15, 0.45, 4, 3000, 5,
                6, 4, Duration.ofSeconds(90), 0.3, 28, 0.001, 3, 0.25);
    }

    private boolean burst(long inWindow, long history, long windowVolume, long historyVolume) {
        return verdict(inWindow, history, windowVolume, historyVolume, LIKE_OTHERS).burst();
    }

    private ClusterBaseline.Verdict verdict(long inWindow, long history, long windowVolume, long historyVolume,
            double arrivals) {
        return ClusterBaseline.verdict(new ClusterBaseline.Counts(inWindow, history, windowVolume, historyVolume,
                arrivals), properties);
    }

    @Test
    void aQuestionAskedEveryDayIsNoBurstHoweverFrequent() {
        // 300 like it today among 10,000 contacts, 290 a day among 10,000 a day on the 28 days before.
        var verdict = verdict(300, 28 * 290, DAY, 28 * DAY, LIKE_OTHERS);
        assertThat(verdict.burst()).isFalse();
        assertThat(verdict.pValue()).isGreaterThan(0.05);
    }

    @Test
    void aNewTemplateIsABurstAgainstAQuietHistory() {
        var verdict = verdict(30, 1, DAY, 28 * DAY, LIKE_OTHERS);
        assertThat(verdict.burst()).isTrue();
        assertThat(verdict.pValue()).isLessThan(1e-20);
    }

    @Test
    void onlyAManyFoldRiseOfAFrequentQuestionIsABurst() {
        assertThat(burst(400, 28 * 100, DAY, 28 * DAY)).isTrue();
        // Doubled: significant, but a busy day for an ordinary question rather than a campaign.
        assertThat(burst(200, 28 * 100, DAY, 28 * DAY)).isFalse();
        assertThat(burst(115, 28 * 100, DAY, 28 * DAY)).isFalse();
    }

    @Test
    void aQuietWeekendInTheHistoryDoesNotMakeAnOrdinaryMondayABurst() {
        // Thursday and Friday at 10,000 contacts, the weekend at a third: 26,667 in all, 75 like it (30 a weekday).
        assertThat(burst(30, 75, DAY, 26_667)).isFalse();
        // A quiet weekend day as all the history: too little to test a new template against, so a cold start, in
        // which a question that arrives like the other contacts is still no burst.
        assertThat(burst(300, 90, DAY, 3_000)).isFalse();
    }

    @Test
    void aFewDaysOfHistoryAlreadyTellAFrequentQuestionFromANewOne() {
        assertThat(burst(60, 2 * 55, DAY, 2 * DAY)).isFalse();
        assertThat(burst(40, 0, DAY, 2 * DAY)).isTrue();
    }

    @Test
    void withoutHistoryAWaveIsABurstAndAFrequentQuestionIsNot() {
        assertThat(verdict(60, 0, DAY, 0, WAVE).burst()).isTrue();
        assertThat(verdict(600, 0, DAY, 0, LIKE_OTHERS).burst()).isFalse();
    }

    @Test
    void withoutHistoryAGroupOfAQuarterOfAllContactsIsABurstWhateverItsArrivals() {
        // 25 template letters on a day with a handful of other contacts: their arrivals cannot be compared.
        assertThat(verdict(25, 0, 30, 0, 1).burst()).isTrue();
        assertThat(verdict(25, 0, 101, 0, 1).burst()).isFalse();
    }

    @Test
    void aFewTestContactsBeforeTheStartAreAColdStartNotAHistory() {
        // One contact two days ago, then 25 template letters and a handful of other contacts today.
        assertThat(verdict(25, 0, 30, 1, 1).burst()).isTrue();
        // Against that history, p = 30/31 and 25 of 25 would be no surprise: it is no history.
        assertThat(ClusterBaseline.coldStart(30, 1, properties)).isTrue();
    }

    @Test
    void theMorningAfterTheFirstDayIsStillAColdStart() {
        // The 24-hour window holds most of the first day (210 contacts) and 25 template letters of the last half hour;
        // the history only the first day's first hour (33). Against that history 25 of 25 would be no surprise
        // (p = (235/268)^25 = 0.04), so the first campaign would go unseen.
        assertThat(verdict(25, 0, 235, 33, WAVE).burst()).isTrue();
        assertThat(verdict(25, 0, 235, 33, LIKE_OTHERS).burst()).isFalse();
        // Two full days of history against one: history enough.
        assertThat(ClusterBaseline.coldStart(DAY, 2 * DAY, properties)).isFalse();
        assertThat(ClusterBaseline.coldStart(235, 33, properties)).isTrue();
    }
}
