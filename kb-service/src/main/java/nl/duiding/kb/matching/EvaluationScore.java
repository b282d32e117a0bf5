package nl.duiding.kb.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Accumulates the figures of one system over one evaluation set: top-1 accuracy, recall@3 and MRR over the lines
 * that expect a match, the false-match rate over the lines that expect none, and latency.
 */
final class EvaluationScore {

    private int positives;
    private int negatives;
    private double top1;
    private double recallAt3;
    private double reciprocalRank;
    private int falseMatches;
    private int allCorrect;
    private final List<Long> latenciesNanos = new ArrayList<>();
    private final List<String> misses = new ArrayList<>();

    void add(EvaluationCase testCase, List<String> ranked, long nanos) {
        add(testCase, ranked, nanos, () -> "");
    }

    /**
     * As {@link #add(EvaluationCase, List, long)}; a miss's line ends with {@code scores}, asked only for a miss
     * (the best narratives' scores, shown or not: how far below the threshold the expected one was).
     */
    void add(EvaluationCase testCase, List<String> ranked, long nanos, Supplier<String> scores) {
        latenciesNanos.add(nanos);
        if (!testCase.expectsMatch()) {
            negatives++;
            if (ranked.isEmpty()) {
                allCorrect++;
            } else {
                falseMatches++;
                misses.add("false match " + ranked.getFirst() + scores.get() + ": " + abbreviate(testCase.text()));
            }
            return;
        }
        positives++;
        List<String> expected = testCase.expected();
        List<String> top3 = ranked.subList(0, Math.min(3, ranked.size()));
        boolean rightFirst = !ranked.isEmpty() && expected.contains(ranked.getFirst());
        long found = expected.stream().filter(top3::contains).count();
        if (rightFirst) {
            top1++;
            allCorrect++;
        }
        // A line with two narratives that shows only one costs recall@3 without being a top-1 miss: list it too.
        if (!rightFirst || found < expected.size()) {
            misses.add("expected " + expected + ", got " + (ranked.isEmpty() ? "nothing" : top3) + scores.get()
                    + ": " + abbreviate(testCase.text()));
        }
        recallAt3 += found / (double) expected.size();
        for (int rank = 0; rank < ranked.size(); rank++) {
            if (expected.contains(ranked.get(rank))) {
                reciprocalRank += 1.0 / (rank + 1);
                break;
            }
        }
    }

    Figures figures() {
        List<Long> sorted = latenciesNanos.stream().sorted().toList();
        return new Figures(positives, negatives, ratio(top1, positives), ratio(recallAt3, positives),
                ratio(reciprocalRank, positives), ratio(falseMatches, negatives),
                ratio(allCorrect, positives + negatives), percentileMillis(sorted, 0.50),
                percentileMillis(sorted, 0.95), percentileMillis(sorted, 0.99));
    }

    List<String> misses() {
        return List.copyOf(misses);
    }

    private static double ratio(double count, int total) {
        return total == 0 ? 0 : count / total;
    }

    private static double percentileMillis(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= 110 ? flat : flat.substring(0, 107) + "...";
    }

    /**
     * @param top1AllLines share of all lines answered right: the expected narrative first, or nothing when nothing
     *                     is expected
     */
    record Figures(int positives, int negatives, double top1, double recallAt3, double mrr, double falseMatchRate,
            double top1AllLines, double p50Millis, double p95Millis, double p99Millis) {
    }
}
