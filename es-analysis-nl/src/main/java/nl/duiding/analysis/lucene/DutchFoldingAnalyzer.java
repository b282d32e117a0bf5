package nl.duiding.analysis.lucene;

import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * A ready-made Dutch analyzer: standard tokenizer, lowercase, diacritic folding, Dutch stopwords,
 * Dutch stemming with the built-in overrides. The same steps as the separate token filters with
 * their defaults, for fields that need neither synonyms nor decompounding.
 */
public final class DutchFoldingAnalyzer extends Analyzer {

    private final DutchStemming stemming = new DutchStemming(StemOverrides.parse(List.of()));

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        TokenStream folded = new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer));
        return new TokenStreamComponents(tokenizer, stemming.apply(new StopFilter(folded, DutchStopWords.defaults())));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
}
