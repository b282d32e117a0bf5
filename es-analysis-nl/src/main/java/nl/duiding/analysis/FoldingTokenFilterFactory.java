package nl.duiding.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * {@code duiding_folding}: removes diacritics ("Oekraïense" → "Oekraiense", "café" → "cafe",
 * "ĳ" → "ij"), so that texts typed with and without them meet. No settings.
 */
@NamedComponent("duiding_folding")
public class FoldingTokenFilterFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new ASCIIFoldingFilter(tokenStream);
    }

    // Also applied to prefix, wildcard and fuzzy query terms and in normalizers.
    @Override
    public TokenStream normalize(TokenStream tokenStream) {
        return create(tokenStream);
    }
}
