package nl.duiding.kb.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CalibrationTest {

    private static final int N = Features.NAMES.size();

    /** A stage that trusts a window's claim language a lot and ignores the second-best window. */
    private final LongTextCalibration stage = new LongTextCalibration(9, new double[] {0, 0, 0},
            new double[] {1, 1, 1}, new double[] {1, 2, 0}, -3);
    private final Calibration calibration = new Calibration(Features.NAMES, new double[N], ones(N), new double[N], 0,
            Map.of(), stage);

    @Test
    void aShortTextKeepsItsBestWindowsProbability() {
        assertThat(calibration.textScore(0.8, features(0.0), 0.5, false)).isEqualTo(0.8);
    }

    @Test
    void aLongLetterIsScoredByTheLongTextStage() {
        // log-odds of 0.8 is 1.386; with claim language 0 the stage gives sigmoid(1.386 - 3) = 0.166.
        assertThat(calibration.textScore(0.8, features(0.0), 0.5, true)).isCloseTo(0.166, within(0.001));
    }

    @Test
    void inALongLetterAParagraphInTheLanguageOfClaimsCountsMoreThanOneOnTheSameSubject() {
        double neutral = calibration.textScore(0.8, features(0.0), 0.5, true);
        double claiming = calibration.textScore(0.8, features(2.0), 0.5, true);

        assertThat(claiming).isGreaterThan(0.8).isGreaterThan(neutral);
    }

    @Test
    void aBeliefReadInMoreThanOneWindowCountsMoreThanOneReadOnce() {
        LongTextCalibration weighsTheSecond = new LongTextCalibration(9, new double[3], new double[] {1, 1, 1},
                new double[] {1, 0, 0.5}, -2);
        Calibration withSecond = calibration.withLongTexts(weighsTheSecond);

        assertThat(withSecond.textScore(0.9, features(0.0), 0.8, true))
                .isGreaterThan(withSecond.textScore(0.9, features(0.0), 0.0, true));
    }

    @Test
    void aCertainWindowStaysFinite() {
        assertThat(calibration.textScore(1.0, features(0.0), 1.0, true)).isBetween(0.0, 1.0);
        assertThat(calibration.textScore(0.0, features(0.0), 0.0, true)).isBetween(0.0, 1.0);
    }

    @Test
    void withoutAStageALongLetterKeepsItsBestWindowsProbability() {
        Calibration without = new Calibration(Features.NAMES, new double[N], ones(N), new double[N], 0, Map.of());

        assertThat(without.textScore(0.8, features(0.0), 0.5, true)).isEqualTo(0.8);
    }

    private static Features features(double claimLanguage) {
        return new Features(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, 0, 0, claimLanguage, null);
    }

    private static double[] ones(int n) {
        double[] ones = new double[n];
        Arrays.fill(ones, 1);
        return ones;
    }
}
