package nl.duiding.analysis.lucene;

import java.util.Collection;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.CharacterUtils;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * Brings configured words (stopwords, compound parts, stemmer overrides) into the same shape as the
 * tokens they are compared with: lowercased exactly like {@code LowerCaseFilter} and folded exactly
 * like {@code ASCIIFoldingFilter}. That way an editor may write "Oekraïne" in a word list and it
 * still matches the folded token "oekraine".
 */
public final class TermFolding {

    /** ASCIIFoldingFilter can expand one char into at most four (e.g. a ligature). */
    private static final int MAX_FOLDING_EXPANSION = 4;

    private TermFolding() {
    }

    public static String fold(String word) {
        char[] chars = word.strip().toCharArray();
        CharacterUtils.toLowerCase(chars, 0, chars.length);
        char[] folded = new char[chars.length * MAX_FOLDING_EXPANSION];
        int length = ASCIIFoldingFilter.foldToASCII(chars, 0, folded, 0, chars.length);
        return new String(folded, 0, length);
    }

    /** Folds every word into a read-only set; blank entries are skipped. */
    public static CharArraySet foldAll(Collection<String> words) {
        CharArraySet set = new CharArraySet(words.size(), false);
        for (String word : words) {
            String folded = fold(word);
            if (!folded.isEmpty()) {
                set.add(folded);
            }
        }
        return CharArraySet.unmodifiableSet(set);
    }
}
