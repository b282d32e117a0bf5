package nl.duiding.analysis.lucene;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.CharArraySet;

/**
 * Splits a Dutch compound into the dictionary words it is made of. The whole word must be covered:
 * dictionary words, joined by the linking morphemes s, e or en ("gemeenteraad-s-verkiezing"; before
 * e and en a final consonant may double: "kip-pen-hok"), and the last one may carry an inflection
 * (-en, -s, -e, -n). Covering the whole word, rather than picking out every dictionary word that
 * happens to occur inside it, keeps "verkiezing" from producing "kies" or "zing".
 *
 * <p>Of all complete covers, the one with the fewest parts wins (ties: fewest letters spent on
 * linking morphemes and inflection, then the longest first part). The returned parts are the
 * surface text without linking morphemes; the last part keeps its inflection, so that the stemmer
 * later treats it like the same word standing alone: "gemeenteraadsverkiezingen" gives
 * "gemeenteraad" and "verkiezingen".
 */
public final class DutchCompoundSplitter {

    private static final List<String> LINKING_MORPHEMES = List.of("", "s", "e", "en");
    private static final List<String> INFLECTIONS = List.of("", "s", "e", "en", "n");
    private static final String VOWELS = "aeiouy";

    private static final Comparator<Cover> BEST_FIRST = Comparator
            .comparingInt((Cover cover) -> cover.parts().size())
            .thenComparingInt(Cover::uncoveredLetters)
            .thenComparing(cover -> -cover.parts().getFirst().length());

    private final CharArraySet dictionary;
    private final int minWordSize;
    private final int minSubwordSize;
    private final boolean onlyLongestMatch;

    /**
     * @param dictionary       the known words, folded like the tokens
     * @param minWordSize      shorter tokens are never split
     * @param minSubwordSize   shorter dictionary words are never used as a part
     * @param onlyLongestMatch when true, a token that is itself a dictionary word is left whole and
     *                         parts are not split further; when false, "gemeenteraadsverkiezingen"
     *                         also gives "gemeente" and "raad" from its part "gemeenteraad"
     */
    public DutchCompoundSplitter(CharArraySet dictionary, int minWordSize, int minSubwordSize, boolean onlyLongestMatch) {
        this.dictionary = dictionary;
        this.minWordSize = minWordSize;
        this.minSubwordSize = minSubwordSize;
        this.onlyLongestMatch = onlyLongestMatch;
    }

    /** The parts of the word in reading order, without duplicates; empty when it is not a compound. */
    public List<String> split(String word) {
        Set<String> parts = new LinkedHashSet<>();
        collectParts(word, parts);
        return List.copyOf(parts);
    }

    private void collectParts(String word, Set<String> parts) {
        if (word.length() < minWordSize || (onlyLongestMatch && dictionary.contains(word))) {
            return;
        }
        Cover split = bestSplit(word);
        if (split == null) {
            return;
        }
        for (String part : split.parts()) {
            parts.add(part);
            if (!onlyLongestMatch) {
                collectParts(part, parts);
            }
        }
    }

    /** The best cover of the word by at least two dictionary words, or null. */
    private Cover bestSplit(String word) {
        char[] chars = word.toCharArray();
        Cover[] tails = bestTailCovers(word, chars);
        Cover split = null;
        for (int end = minSubwordSize; end < chars.length; end++) {
            if (dictionary.contains(chars, 0, end)) {
                split = better(split, followedByTail(word, 0, end, tails));
            }
        }
        return split;
    }

    /** tails[i] is the best cover of word[i..] (i &gt; 0), or null when word[i..] cannot be covered. */
    private Cover[] bestTailCovers(String word, char[] chars) {
        Cover[] tails = new Cover[chars.length + 1];
        for (int start = chars.length - minSubwordSize; start > 0; start--) {
            for (int end = start + minSubwordSize; end <= chars.length; end++) {
                if (dictionary.contains(chars, start, end - start)) {
                    Cover cover = better(asLastPart(word, start, end), followedByTail(word, start, end, tails));
                    tails[start] = better(tails[start], cover);
                }
            }
        }
        return tails;
    }

    /** word[start..end] as the final part, if what follows it is an inflection. */
    private static Cover asLastPart(String word, int start, int end) {
        Cover result = null;
        for (String inflection : INFLECTIONS) {
            if (end + inflection.length() == word.length() && word.startsWith(inflection, end)) {
                result = better(result, new Cover(List.of(word.substring(start)), inflection.length()));
            }
        }
        return result;
    }

    /** word[start..end] followed by a linking morpheme and a covered tail. */
    private static Cover followedByTail(String word, int start, int end, Cover[] tails) {
        Cover result = null;
        for (String linker : linkersAfter(word.charAt(end - 1))) {
            int next = end + linker.length();
            if (next < word.length() && word.startsWith(linker, end) && tails[next] != null) {
                result = better(result, tails[next].prependedWith(word.substring(start, end), linker.length()));
            }
        }
        return result;
    }

    /** After a short vowel the consonant doubles before -e(n): kip-pen-hok, zon-ne-bril. */
    private static List<String> linkersAfter(char lastLetter) {
        if (VOWELS.indexOf(lastLetter) >= 0) {
            return LINKING_MORPHEMES;
        }
        List<String> linkers = new ArrayList<>(LINKING_MORPHEMES);
        linkers.add(lastLetter + "e");
        linkers.add(lastLetter + "en");
        return linkers;
    }

    private static Cover better(Cover current, Cover candidate) {
        if (current == null) {
            return candidate;
        }
        if (candidate == null) {
            return current;
        }
        return BEST_FIRST.compare(candidate, current) < 0 ? candidate : current;
    }

    private record Cover(List<String> parts, int uncoveredLetters) {

        Cover prependedWith(String part, int linkerLetters) {
            List<String> longer = new ArrayList<>(parts.size() + 1);
            longer.add(part);
            longer.addAll(parts);
            return new Cover(longer, uncoveredLetters + linkerLetters);
        }
    }
}
