package nl.duiding.analysis.lucene;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter.StemmerOverrideMap;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.tartarus.snowball.ext.DutchStemmer;

/**
 * Dutch stemming as one unit: overrides first (they mark their tokens as keywords), then the plural
 * repair the Snowball stemmer needs, then the Snowball Dutch stemmer, the only Dutch stemmer left in
 * Lucene 10 (the Kraaij-Pohlmann stemmer was removed).
 */
public final class DutchStemming {

    private final StemmerOverrideMap overrides;

    public DutchStemming(StemmerOverrideMap overrides) {
        this.overrides = overrides;
    }

    public TokenStream apply(TokenStream input) {
        TokenStream overridden = new StemmerOverrideFilter(input, overrides);
        // A stemmer keeps per-word state, so every stream gets its own instance.
        return new SnowballFilter(new DutchVowelPluralFilter(overridden), new DutchStemmer());
    }
}
