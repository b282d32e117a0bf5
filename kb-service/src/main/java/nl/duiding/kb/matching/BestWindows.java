package nl.duiding.kb.matching;

import java.util.HashMap;
import java.util.Map;

/**
 * Per narrative, over a text's windows: the best-scoring window's item and the second-best window's score (what a
 * long letter's second stage weighs, {@link LongTextCalibration}). Scores are non-negative; of equal ones the first
 * window seen stays best.
 */
final class BestWindows<T> {

    private final Map<String, T> best = new HashMap<>();
    private final Map<String, Double> bestScore = new HashMap<>();
    private final Map<String, Double> secondScore = new HashMap<>();

    void offer(String group, double score, T item) {
        Double before = bestScore.get(group);
        if (before == null || score > before) {
            best.put(group, item);
            bestScore.put(group, score);
            if (before != null) {
                secondScore.put(group, before);
            }
        } else if (score > second(group)) {
            secondScore.put(group, score);
        }
    }

    /** The best window's item per narrative. */
    Map<String, T> best() {
        return best;
    }

    /** The second-best window's score, 0 when the narrative was found in one window only. */
    double second(String group) {
        return secondScore.getOrDefault(group, 0.0);
    }
}
