package nl.duiding.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

import nl.duiding.analysis.lucene.DutchFoldingAnalyzer;

/**
 * {@code duiding_dutch}: standard tokenizer → lowercase → folding → Dutch stopwords → Dutch stemming,
 * for fields that need neither synonyms nor decompounding. No settings.
 */
@NamedComponent("duiding_dutch")
public class DutchAnalyzerFactory implements AnalyzerFactory {

    @Override
    public Analyzer create() {
        return new DutchFoldingAnalyzer();
    }
}
