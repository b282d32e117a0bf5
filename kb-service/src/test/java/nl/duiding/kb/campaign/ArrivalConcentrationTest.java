package nl.duiding.kb.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

class ArrivalConcentrationTest {

    /** An office day in quarters of an hour from 08:00 to 18:00, busiest mid-morning. */
    private static long[] officeDay(Random rnd, int contacts) {
        long[] day = new long[40];
        for (int i = 0; i < contacts; i++) {
            int quarter = (int) Math.min(39, Math.max(0, Math.round(12 + rnd.nextGaussian() * 10)));
            day[quarter]++;
        }
        return day;
    }

    private static long[] plus(long[] a, long[] b) {
        long[] sum = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            sum[i] = a[i] + b[i];
        }
        return sum;
    }

    @Test
    void aFrequentQuestionArrivesLikeEverythingElse() {
        Random rnd = new Random(7);
        int significant = 0;
        for (int run = 0; run < 200; run++) {
            long[] question = officeDay(rnd, 300);
            long[] others = officeDay(rnd, 9_700);
            if (ArrivalConcentration.pValue(plus(others, question), question) < 0.001) {
                significant++;
            }
        }
        // The test keeps its level: at 0.001, none or hardly any of 200 ordinary days.
        assertThat(significant).isLessThanOrEqualTo(1);
    }

    @Test
    void aCampaignOfAFewHoursStandsOutEvenWhenItStartsAtOpening() {
        Random rnd = new Random(11);
        long[] others = officeDay(rnd, 1_500);
        long[] campaign = new long[40];
        for (int i = 0; i < 30; i++) {
            campaign[rnd.nextInt(12)]++;
        }
        assertThat(ArrivalConcentration.pValue(plus(others, campaign), campaign)).isLessThan(0.001);
    }

    @Test
    void saysNothingWithoutOtherContactsToCompareWith() {
        long[] campaign = {5, 10, 10, 0};
        assertThat(ArrivalConcentration.pValue(campaign, campaign)).isEqualTo(1);
    }

    @Test
    void kolmogorovTailMatchesKnownValues() {
        // Critical values of the Kolmogorov distribution: P(K > 1.3581) = 0.05, P(K > 1.9495) = 0.001.
        assertThat(ArrivalConcentration.kolmogorovTail(1.3581)).isCloseTo(0.05, org.assertj.core.data.Offset.offset(0.001));
        assertThat(ArrivalConcentration.kolmogorovTail(1.9495)).isCloseTo(0.001, org.assertj.core.data.Offset.offset(0.0002));
        assertThat(ArrivalConcentration.kolmogorovTail(0.1)).isEqualTo(1);
    }
}
