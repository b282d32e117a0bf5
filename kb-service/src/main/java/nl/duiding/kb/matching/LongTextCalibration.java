package nl.duiding.kb.matching;

/**
 * The second stage for long texts: letters of more windows than the short-text model was fitted on. Each window of
 * a letter is scored as if it were a short text and a narrative's best window counts, so a letter of twenty windows
 * has twenty chances that one paragraph on a narrative's subject (a smart meter's replacement, the council's public
 * gallery) scores like a rumour. This stage recalibrates that best window's probability, together with the window's
 * claim language and the narrative's second-best window (a belief is usually read in a window and in the bridges
 * over its edges), on long letters alone ({@link CalibrationTrainer}).
 *
 * @param fromWindows texts of at least this many windows were fitted as long ones ({@code long-text-windows})
 * @param mean        per input (the best window's log-odds, its claim language, the second-best window's log-odds),
 *                    subtracted before scaling
 * @param scale       per input, divided by after centring
 * @param weights     per input
 * @param bias        intercept
 */
record LongTextCalibration(int fromWindows, double[] mean, double[] scale, double[] weights, double bias) {

    LongTextCalibration {
        if (fromWindows < 2) {
            throw new IllegalArgumentException("A long text has at least two windows, not " + fromWindows);
        }
        if (mean.length != INPUTS || scale.length != INPUTS || weights.length != INPUTS) {
            throw new IllegalArgumentException("The long-text calibration has " + INPUTS + " inputs: the best window's"
                    + " log-odds, its claim language and the second-best window's log-odds");
        }
    }

    static final int INPUTS = 3;

    /** The log-odds are clipped so that a window the short model is certain of stays finite. */
    private static final double CERTAIN = 1e-6;

    /** The stage's inputs for a narrative's best window (and its second best, 0 when there is none). */
    static double[] inputs(double windowProbability, Features bestWindow, double secondProbability) {
        return new double[] {logOdds(windowProbability), bestWindow.claimLanguage(), logOdds(secondProbability)};
    }

    private static double logOdds(double probability) {
        double p = Math.clamp(probability, CERTAIN, 1 - CERTAIN);
        return Math.log(p / (1 - p));
    }

    double probability(double windowProbability, Features bestWindow, double secondProbability) {
        return probability(inputs(windowProbability, bestWindow, secondProbability));
    }

    /** The probability from the stage's {@link #inputs}. */
    double probability(double[] x) {
        return LogisticRegression.probability(x, mean, scale, weights, bias);
    }
}
