package nl.duiding.analysis;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

import nl.duiding.analysis.lucene.DutchStopWords;

/**
 * {@code duiding_stop}: removes Dutch stopwords, by default Lucene's Snowball list ("de", "het",
 * "een", "van", …). Setting {@code stopwords} replaces the list; include {@code "_dutch_"} in it to
 * extend the default list instead. Entries are lowercased and folded like the tokens.
 */
@NamedComponent("duiding_stop")
public class StopTokenFilterFactory implements TokenFilterFactory {

    private final CharArraySet stopwords;

    @Inject
    public StopTokenFilterFactory(StopSettings settings) {
        this.stopwords = DutchStopWords.from(settings.stopwords());
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new StopFilter(tokenStream, stopwords);
    }
}
