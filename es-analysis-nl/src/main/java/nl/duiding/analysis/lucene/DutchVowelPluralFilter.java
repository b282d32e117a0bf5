package nl.duiding.analysis.lucene;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Removes the plural -s that the Snowball Dutch stemmer deliberately leaves alone because a vowel
 * precedes it (it cannot tell "locaties" from "huis"). Without this step "vaccinatie" and
 * "vaccinaties", "gemeente" and "gemeentes", "meisje" and "meisjes", "auto" and "auto's" never
 * meet. Only endings that are almost always plurals are touched, and short words are left alone so
 * that "kies", "vies" and "les" keep their s:
 * <ul>
 *   <li>{@code -'s} / {@code -’s} (auto's, foto's): the apostrophe and s go;</li>
 *   <li>{@code -ies}, at least 6 letters (vaccinaties, studies): the s goes;</li>
 *   <li>{@code -es} after a consonant, at least 5 letters (gemeentes, meisjes, dames): the s goes;</li>
 *   <li>{@code -eaus} (bureaus, niveaus): the s goes.</li>
 * </ul>
 * Must run before the Snowball stemmer, which then treats both forms alike. Keyword tokens (from
 * stemmer overrides) are left untouched.
 */
public final class DutchVowelPluralFilter extends TokenFilter {

    private static final int MIN_IES_LENGTH = 6;
    private static final int MIN_ES_LENGTH = 5;

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);

    public DutchVowelPluralFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (!keywordAtt.isKeyword()) {
            termAtt.setLength(singularLength(termAtt.buffer(), termAtt.length()));
        }
        return true;
    }

    static int singularLength(char[] term, int length) {
        if (endsWith(term, length, "'s") || endsWith(term, length, "’s")) {
            return length > 2 ? length - 2 : length;
        }
        if (endsWith(term, length, "ies")) {
            return length >= MIN_IES_LENGTH ? length - 1 : length;
        }
        if (endsWith(term, length, "es")) {
            return length >= MIN_ES_LENGTH && !isVowel(term[length - 3]) ? length - 1 : length;
        }
        return endsWith(term, length, "eaus") ? length - 1 : length;
    }

    private static boolean endsWith(char[] term, int length, String suffix) {
        int start = length - suffix.length();
        if (start < 0) {
            return false;
        }
        for (int i = 0; i < suffix.length(); i++) {
            if (term[start + i] != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The vowels of the Snowball Dutch stemmer. */
    private static boolean isVowel(char c) {
        return "aeiouyè".indexOf(c) >= 0;
    }
}
