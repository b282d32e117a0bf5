package nl.duiding.analysis.lucene;

import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.nl.DutchAnalyzer;

/**
 * The stopword set for {@code duiding_stop}: Lucene's Dutch (Snowball) list unless the index
 * settings give their own list. Following the Elasticsearch convention, the entry {@value #DUTCH}
 * inside a custom list stands for the whole default list, so a list can extend instead of replace.
 */
public final class DutchStopWords {

    private static final String DUTCH = "_dutch_";

    private DutchStopWords() {
    }

    public static CharArraySet defaults() {
        return DutchAnalyzer.getDefaultStopSet();
    }

    public static CharArraySet from(List<String> configured) {
        if (configured.isEmpty()) {
            return defaults();
        }
        List<String> words = new ArrayList<>();
        for (String entry : configured) {
            if (DUTCH.equals(entry.strip())) {
                defaults().forEach(word -> words.add(new String((char[]) word)));
            } else {
                words.add(entry);
            }
        }
        return TermFolding.foldAll(words);
    }
}
