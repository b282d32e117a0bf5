package nl.duiding.kb.matching;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one window's analysed text and its retrieved documents into {@link Features} per narrative. A word counts
 * as found when the stems are equal or, for a word the index does not know, when one is a typo of the other
 * ({@link TypoDistance}), the latter at 80 %.
 */
final class FeatureExtractor {

    private static final double TYPO_CREDIT = 0.8;
    /** Words rarer than this (idf) are "informative"; most function words fall below it. */
    private static final double INFORMATIVE_IDF = 2.5;

    private FeatureExtractor() {
    }

    /**
     * Features per narrative group ({@code tenant|slug}), with the positions each narrative covers; {@code neighbours}
     * are the window's nearest phrasings by sentence vector (scored by cosine), or null without an embedding model.
     */
    static Map<String, Scored> extract(QueryTerms query, Collection<DocTerms> documents,
            Map<String, Set<String>> cues, ClaimLanguage language, List<MatchSearch.Candidate> neighbours) {
        Map<String, List<DocTerms>> byGroup = new LinkedHashMap<>();
        documents.forEach(d -> byGroup.computeIfAbsent(d.group(), g -> new ArrayList<>()).add(d));
        Set<String> unknownTokens = query.unknownTokens();
        Set<String> queryTokens = query.tokens();

        Map<String, GroupCoverage> coverage = new LinkedHashMap<>();
        byGroup.forEach((group, docs) -> coverage.put(group, cover(query, queryTokens, unknownTokens, docs)));

        double bestClass = coverage.values().stream().mapToDouble(GroupCoverage::classBm25).max().orElse(0);
        double bestPhrasing = coverage.values().stream().mapToDouble(GroupCoverage::phrasingBm25).max().orElse(0);
        GroupCoverage ordinaryClass = best(coverage, true, Comparator.comparingDouble(GroupCoverage::classBm25));
        GroupCoverage ordinaryPhrasing = best(coverage, true,
                Comparator.comparingDouble(GroupCoverage::phrasingCoverage));
        GroupCoverage topNarrative = best(coverage, false, Comparator.comparingDouble(GroupCoverage::classBm25));

        double claimCues = cueShare(queryTokens, cues.getOrDefault(Cues.CLAIM, Set.of()));
        double procedureCues = cueShare(queryTokens, cues.getOrDefault(Cues.PROCEDURE, Set.of()));
        double claimLanguage = language.of(queryTokens);
        Nearest nearest = neighbours == null ? null : Nearest.of(neighbours);

        Map<String, Scored> result = new LinkedHashMap<>();
        coverage.forEach((group, c) -> {
            if (isOrdinary(group)) {
                return;
            }
            Features features = new Features(c.classCoverage, c.phrasingCoverage, c.classBm25, c.phrasingBm25,
                    share(c.classBm25, bestClass), share(c.phrasingBm25, bestPhrasing), c.informativeHits,
                    ordinaryClass.classCoverage, ordinaryPhrasing.phrasingCoverage,
                    share(ordinaryClass.classBm25, bestClass), c == topNarrative, claimCues, procedureCues,
                    claimLanguage, nearest == null ? null : nearest.of(group));
            result.put(group, new Scored(features, c.covered, c.bestPhrasing));
        });
        return result;
    }

    /** Distinct cue stems in the text, three or more counting as 1. */
    private static double cueShare(Set<String> queryTokens, Set<String> cueStems) {
        long found = queryTokens.stream().filter(cueStems::contains).count();
        return Math.min(found, 3) / 3.0;
    }

    private static boolean isOrdinary(String group) {
        return group.startsWith(DocTerms.ORDINARY_GROUP_PREFIX);
    }

    private static GroupCoverage best(Map<String, GroupCoverage> coverage, boolean ordinary,
            Comparator<GroupCoverage> order) {
        return coverage.entrySet().stream().filter(e -> isOrdinary(e.getKey()) == ordinary)
                .map(Map.Entry::getValue).max(order).orElse(GroupCoverage.NONE);
    }

    private static double share(double score, double best) {
        return best <= 0 ? 0 : score / best;
    }

    private static GroupCoverage cover(QueryTerms query, Set<String> queryTokens, Set<String> unknownTokens,
            List<DocTerms> docs) {
        // The group's documents' vocabularies side by side: a union would copy every term of a whole narrative
        // for every window, which was the largest cost of a match.
        List<Set<String>> vocabulary = docs.stream().map(d -> d.idf().keySet()).toList();

        BitSet covered = new BitSet();
        double found = 0;
        int informative = 0;
        List<QueryTerms.Position> positions = query.positions();
        for (int i = 0; i < positions.size(); i++) {
            QueryTerms.Position position = positions.get(i);
            double credit = credit(position.tokens(), vocabulary, !position.known());
            if (credit > 0) {
                covered.set(i);
                found += credit * position.weight();
                if (position.weight() >= INFORMATIVE_IDF) {
                    informative++;
                }
            }
        }
        double total = query.totalWeight();

        double bestPhrasing = 0;
        double phrasingBm25 = 0;
        double classBm25 = 0;
        String bestPhrasingText = null;
        for (DocTerms doc : docs) {
            if (doc.isClass()) {
                classBm25 = Math.max(classBm25, doc.score());
            } else {
                phrasingBm25 = Math.max(phrasingBm25, doc.score());
            }
            if (doc.isTriggerLike()) {
                double docCoverage = documentCoverage(doc, queryTokens, unknownTokens);
                if (docCoverage > bestPhrasing) {
                    bestPhrasing = docCoverage;
                    bestPhrasingText = doc.text();
                }
            }
        }
        return new GroupCoverage(total <= 0 ? 0 : found / total, bestPhrasing, classBm25, phrasingBm25,
                informative, covered, bestPhrasingText);
    }

    /** Share of a phrasing's information (idf) that the text contains. */
    private static double documentCoverage(DocTerms doc, Set<String> queryTokens, Set<String> unknownTokens) {
        double total = 0;
        double found = 0;
        for (Map.Entry<String, Double> term : doc.idf().entrySet()) {
            total += term.getValue();
            if (queryTokens.contains(term.getKey())) {
                found += term.getValue();
            } else if (isTypoOfAny(term.getKey(), unknownTokens)) {
                found += TYPO_CREDIT * term.getValue();
            }
        }
        return total <= 0 ? 0 : found / total;
    }

    private static double credit(Set<String> tokens, List<Set<String>> vocabulary, boolean mayBeTypo) {
        for (String token : tokens) {
            for (Set<String> words : vocabulary) {
                if (words.contains(token)) {
                    return 1;
                }
            }
        }
        if (mayBeTypo) {
            for (String token : tokens) {
                for (Set<String> words : vocabulary) {
                    if (isTypoOfAny(token, words)) {
                        return TYPO_CREDIT;
                    }
                }
            }
        }
        return 0;
    }

    private static boolean isTypoOfAny(String token, Set<String> words) {
        for (String word : words) {
            if (TypoDistance.isTypoOf(token, word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The best cosine per group among a window's nearest phrasings. A narrative none of whose phrasings is among
     * them is at most as similar as the farthest one read, which is what it gets.
     */
    private record Nearest(Map<String, Double> byGroup, double ordinary, double floor) {

        static Nearest of(List<MatchSearch.Candidate> neighbours) {
            Map<String, Double> byGroup = new HashMap<>();
            double floor = neighbours.isEmpty() ? 0 : Double.MAX_VALUE;
            for (MatchSearch.Candidate neighbour : neighbours) {
                byGroup.merge(neighbour.group(), neighbour.score(), Math::max);
                floor = Math.min(floor, neighbour.score());
            }
            double ordinary = byGroup.entrySet().stream().filter(e -> isOrdinary(e.getKey()))
                    .mapToDouble(Map.Entry::getValue).max().orElse(floor);
            return new Nearest(byGroup, ordinary, floor);
        }

        Features.Semantic of(String group) {
            return new Features.Semantic(byGroup.getOrDefault(group, floor), ordinary);
        }
    }

    /** A narrative's features, which positions of the window it covers (for evidence) and its closest phrasing. */
    record Scored(Features features, BitSet covered, String closestPhrasing) {
    }

    private record GroupCoverage(double classCoverage, double phrasingCoverage, double classBm25,
            double phrasingBm25, int informativeHits, BitSet covered, String bestPhrasing) {

        static final GroupCoverage NONE = new GroupCoverage(0, 0, 0, 0, 0, new BitSet(), null);
    }
}
