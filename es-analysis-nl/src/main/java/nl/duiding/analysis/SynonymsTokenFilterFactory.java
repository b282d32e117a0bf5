package nl.duiding.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalysisMode;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

import nl.duiding.analysis.lucene.SynonymRules;

/**
 * {@code duiding_synonyms}: multi-word aware synonyms from the {@code synonyms} list (Solr format).
 * Rules are lowercased and folded, so place the filter after {@code duiding_lowercase} and
 * {@code duiding_folding}. The rules are parsed when the index is created: a bad rule fails that
 * request with a message naming the rule.
 *
 * <p>The output is a token graph, which only query parsing understands. Unless {@code flatten} is
 * true, the filter therefore declares itself search-time only and Elasticsearch refuses it in an
 * index analyzer instead of silently indexing wrong positions.
 */
@NamedComponent("duiding_synonyms")
public class SynonymsTokenFilterFactory implements TokenFilterFactory {

    private final SynonymMap synonyms;
    private final boolean flatten;

    @Inject
    public SynonymsTokenFilterFactory(SynonymSettings settings) {
        this.synonyms = SynonymRules.parse(settings.synonyms(), settings.expand());
        this.flatten = settings.flatten();
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        // Lucene refuses an empty map; with no rules (yet) the filter simply passes tokens through.
        if (synonyms.fst == null) {
            return tokenStream;
        }
        TokenStream graph = new SynonymGraphFilter(tokenStream, synonyms, true);
        return flatten ? new FlattenGraphFilter(graph) : graph;
    }

    @Override
    public AnalysisMode getAnalysisMode() {
        return flatten ? AnalysisMode.ALL : AnalysisMode.SEARCH_TIME;
    }
}
