package nl.duiding.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

import nl.duiding.analysis.lucene.DecompoundFilter;
import nl.duiding.analysis.lucene.DutchCompoundSplitter;
import nl.duiding.analysis.lucene.TermFolding;

/**
 * {@code duiding_decompound}: keeps each token and adds, at the same position, the parts of Dutch
 * compounds made of words from the {@code words} list, joined by the linking morphemes s, e or en:
 * "gemeenteraadsverkiezingen" → + "gemeenteraad", "verkiezingen". The words are lowercased and
 * folded like the tokens. Place it after lowercase and folding and before stop and stem.
 */
@NamedComponent("duiding_decompound")
public class DecompoundTokenFilterFactory implements TokenFilterFactory {

    private final DutchCompoundSplitter splitter;

    @Inject
    public DecompoundTokenFilterFactory(DecompoundSettings settings) {
        requireAtLeastOne("min_word_size", settings.minWordSize());
        requireAtLeastOne("min_subword_size", settings.minSubwordSize());
        this.splitter = new DutchCompoundSplitter(
                TermFolding.foldAll(settings.words()),
                settings.minWordSize(),
                settings.minSubwordSize(),
                settings.onlyLongestMatch());
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new DecompoundFilter(tokenStream, splitter);
    }

    private static void requireAtLeastOne(String setting, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("[" + setting + "] of duiding_decompound must be at least 1, got " + value);
        }
    }
}
