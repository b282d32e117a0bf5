package nl.duiding.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

import nl.duiding.analysis.lucene.DutchStemming;
import nl.duiding.analysis.lucene.StemOverrides;

/**
 * {@code duiding_stem}: Dutch stemming (Snowball, with a repair for plurals in -ies/-es/-'s and
 * Lucene's built-in exceptions), so that singular and plural and common inflections meet. Setting
 * {@code overrides} adds rules such as {@code "geteld => tell"}; a malformed rule fails index
 * creation with a message naming it.
 */
@NamedComponent("duiding_stem")
public class StemTokenFilterFactory implements TokenFilterFactory {

    private final DutchStemming stemming;

    @Inject
    public StemTokenFilterFactory(StemSettings settings) {
        this.stemming = new DutchStemming(StemOverrides.parse(settings.overrides()));
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return stemming.apply(tokenStream);
    }
}
