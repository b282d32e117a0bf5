package nl.duiding.kb.matching;

/**
 * Whether two stems are the same word with a typo: optimal string alignment distance (insertions, deletions,
 * substitutions and swapped neighbours), allowed 1 edit from 5 letters and 2 from 9, as Elasticsearch's
 * {@code fuzziness: AUTO} roughly does.
 */
final class TypoDistance {

    private TypoDistance() {
    }

    static boolean isTypoOf(String a, String b) {
        int shorter = Math.min(a.length(), b.length());
        if (shorter < 5 || a.charAt(0) != b.charAt(0)) {
            return false;
        }
        int allowed = shorter >= 9 ? 2 : 1;
        return Math.abs(a.length() - b.length()) <= allowed && distance(a, b, allowed) <= allowed;
    }

    /** Distance capped at {@code limit + 1}, so long unequal words cost little. */
    static int distance(String a, String b, int limit) {
        int[] previous2 = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    value = Math.min(value, previous2[j - 2] + 1);
                }
                current[j] = value;
                rowMin = Math.min(rowMin, value);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }
        return Math.min(previous[b.length()], limit + 1);
    }
}
