package nl.duiding.kb.matching;

import java.util.List;
import java.util.Map;

/**
 * A logistic model over standardised {@link Features}: the calibrated probability that a narrative is what the
 * text is about. Fitted by {@link CalibrationTrainer} ({@code scripts/calibrate-match.sh}), stored as JSON.
 *
 * @param features names of the inputs: {@link Features#NAMES}, or {@link Features#SEMANTIC_NAMES} for a calibration
 *                 fitted with an embedding model (named in {@code fitted.embeddingModel})
 * @param mean     per input, subtracted before scaling
 * @param scale    per input, divided by after centring
 * @param weights  per input
 * @param bias     intercept
 * @param fitted   how and on what the model was fitted (for the record only)
 * @param longTexts the second stage for letters longer than the texts this model was fitted on; null for none
 */
record Calibration(List<String> features, double[] mean, double[] scale, double[] weights, double bias,
        Map<String, Object> fitted, LongTextCalibration longTexts) {

    Calibration {
        if (!Features.NAMES.equals(features) && !Features.SEMANTIC_NAMES.equals(features)) {
            throw new IllegalArgumentException("Calibration was fitted on features " + features + ", but matching uses "
                    + Features.NAMES + " (and two more with an embedding model); run scripts/calibrate-match.sh");
        }
        if (mean.length != features.size() || scale.length != features.size() || weights.length != features.size()) {
            throw new IllegalArgumentException("Calibration arrays do not match its feature list");
        }
        fitted = fitted == null ? Map.of() : Map.copyOf(fitted);
    }

    /** A calibration without a long-text stage. */
    Calibration(List<String> features, double[] mean, double[] scale, double[] weights, double bias,
            Map<String, Object> fitted) {
        this(features, mean, scale, weights, bias, fitted, null);
    }

    Calibration withLongTexts(LongTextCalibration stage) {
        return new Calibration(features, mean, scale, weights, bias, fitted, stage);
    }

    /**
     * A narrative's score in a text, from the probability of its best window: that probability itself, or for a long
     * text, the long-text stage's (which also weighs the second-best window's probability).
     */
    double textScore(double windowProbability, Features bestWindow, double secondProbability, boolean longText) {
        return longText && longTexts != null
                ? longTexts.probability(windowProbability, bestWindow, secondProbability)
                : windowProbability;
    }

    /** Whether it was fitted with sentence vectors, and so needs the same embedding model. */
    boolean semantic() {
        return Features.SEMANTIC_NAMES.equals(features);
    }

    /** The embedding model it was fitted with, {@code none} if it was fitted on words alone. */
    String embeddingModel() {
        return semantic() ? String.valueOf(fitted.get(EMBEDDING_MODEL)) : EmbeddingProperties.NONE;
    }

    static final String EMBEDDING_MODEL = "embeddingModel";

    double probability(Features features) {
        return probability(features.vector());
    }

    double probability(double[] x) {
        if (x.length != weights.length) {
            throw new IllegalStateException("Calibration has " + weights.length + " inputs, the features " + x.length
                    + "; it was fitted with another embedding setting");
        }
        return LogisticRegression.probability(x, mean, scale, weights, bias);
    }
}
