package nl.duiding.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * {@code duiding_edge_ngram}: replaces each token by its prefixes of {@code min_gram} to
 * {@code max_gram} letters ("vacc", "vacci", …) for search-as-you-type; use it in the index
 * analyzer only, the search analyzer keeps the typed text whole.
 */
@NamedComponent("duiding_edge_ngram")
public class EdgeNGramTokenFilterFactory implements TokenFilterFactory {

    private final int minGram;
    private final int maxGram;
    private final boolean preserveOriginal;

    @Inject
    public EdgeNGramTokenFilterFactory(EdgeNGramSettings settings) {
        if (settings.minGram() < 1 || settings.maxGram() < settings.minGram()) {
            throw new IllegalArgumentException("duiding_edge_ngram needs 1 <= min_gram <= max_gram, got min_gram="
                    + settings.minGram() + ", max_gram=" + settings.maxGram());
        }
        this.minGram = settings.minGram();
        this.maxGram = settings.maxGram();
        this.preserveOriginal = settings.preserveOriginal();
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new EdgeNGramTokenFilter(tokenStream, minGram, maxGram, preserveOriginal);
    }
}
