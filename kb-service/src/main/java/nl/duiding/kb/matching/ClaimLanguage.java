package nl.duiding.kb.matching;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * How much a text's words sound like what residents say when they voice a narrative, rather than like an ordinary KCC
 * question: a two-class naive Bayes over the library itself (every narrative's title, summary and phrasings against
 * every ordinary question, neutral questions on the narratives' subjects included), so it learns the framing of a
 * claim ("in stilte", "doorsturen", "overleden na de prik") beside the subject. Rebuilt from the match index whenever
 * it changes; no labelled texts needed.
 *
 * @param logRatios per stem, log P(stem | narrative) − log P(stem | ordinary), smoothed
 */
record ClaimLanguage(Map<String, Double> logRatios) {

    static final ClaimLanguage NONE = new ClaimLanguage(Map.of());

    /**
     * Additive smoothing. Chosen on the training set's cross-validated table (0.1, 0.5, 1.0 tried;
     * docs/matching-results.md): small, since the library's two sides are written to share their subjects.
     */
    private static final double SMOOTHING = 0.1;

    ClaimLanguage {
        logRatios = Map.copyOf(logRatios);
    }

    /** From how often each stem occurs on each side (in how many phrasings or questions). */
    static ClaimLanguage fit(Map<String, Long> narrativeCounts, Map<String, Long> ordinaryCounts) {
        if (narrativeCounts.isEmpty() || ordinaryCounts.isEmpty()) {
            return NONE;
        }
        Set<String> vocabulary = new HashSet<>(narrativeCounts.keySet());
        vocabulary.addAll(ordinaryCounts.keySet());
        double narrativeTotal = total(narrativeCounts) + SMOOTHING * vocabulary.size();
        double ordinaryTotal = total(ordinaryCounts) + SMOOTHING * vocabulary.size();
        Map<String, Double> ratios = new HashMap<>();
        for (String stem : vocabulary) {
            double narrative = (narrativeCounts.getOrDefault(stem, 0L) + SMOOTHING) / narrativeTotal;
            double ordinary = (ordinaryCounts.getOrDefault(stem, 0L) + SMOOTHING) / ordinaryTotal;
            ratios.put(stem, Math.log(narrative / ordinary));
        }
        return new ClaimLanguage(ratios);
    }

    /**
     * The mean log ratio over the distinct stems of a text that the library knows: above 0 leans to a narrative,
     * below to an ordinary question, 0 when no stem is known. A mean, so a long letter is not more "claim" than a
     * short note for its length alone.
     */
    double of(Collection<String> stems) {
        double sum = 0;
        int known = 0;
        for (String stem : Set.copyOf(stems)) {
            Double ratio = logRatios.get(stem);
            if (ratio != null) {
                sum += ratio;
                known++;
            }
        }
        return known == 0 ? 0 : sum / known;
    }

    private static double total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
