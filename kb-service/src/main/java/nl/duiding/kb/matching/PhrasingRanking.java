package nl.duiding.kb.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Ranks phrasings by how much of each a text contains, with the same analysis, weights and typo rule as
 * {@link FeatureExtractor}'s phrasing coverage, so "this phrasing covers 90 %" means what matching means by it.
 */
final class PhrasingRanking {

    private static final double TYPO_CREDIT = 0.8;

    private PhrasingRanking() {
    }

    /** {@code text} and {@code phrasings} as analysed by {@link MatchSearch#analyse}; best first. */
    static List<PhrasingCoverage> rank(QueryTerms text, List<QueryTerms> phrasings) {
        Set<String> tokens = text.tokens();
        Set<String> unknown = text.unknownTokens();
        List<PhrasingCoverage> ranked = new ArrayList<>();
        for (QueryTerms phrasing : phrasings) {
            double total = 0;
            double found = 0;
            List<String> foundWords = new ArrayList<>();
            List<String> missingWords = new ArrayList<>();
            for (QueryTerms.Position position : phrasing.positions()) {
                double credit = credit(position.tokens(), tokens, unknown);
                total += position.weight();
                found += credit * position.weight();
                String word = surface(phrasing.text(), position);
                if (word != null) {
                    (credit > 0 ? foundWords : missingWords).add(word);
                }
            }
            ranked.add(new PhrasingCoverage(phrasing.text(), total <= 0 ? 0 : Math.round(found / total * 1000) / 1000.0,
                    foundWords.stream().distinct().toList(), missingWords.stream().distinct().toList()));
        }
        ranked.sort(Comparator.comparingDouble(PhrasingCoverage::coverage).reversed());
        return ranked;
    }

    private static double credit(Set<String> phrasingTokens, Set<String> textTokens, Set<String> unknownTextTokens) {
        for (String token : phrasingTokens) {
            if (textTokens.contains(token)) {
                return 1;
            }
        }
        for (String token : phrasingTokens) {
            for (String typed : unknownTextTokens) {
                if (TypoDistance.isTypoOf(typed, token)) {
                    return TYPO_CREDIT;
                }
            }
        }
        return 0;
    }

    private static String surface(String text, QueryTerms.Position position) {
        if (position.end() <= position.start() || position.end() > text.length()) {
            return null;
        }
        return text.substring(position.start(), position.end());
    }
}
