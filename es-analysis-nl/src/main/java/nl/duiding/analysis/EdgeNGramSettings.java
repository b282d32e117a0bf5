package nl.duiding.analysis;

import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.IntSetting;

/** Settings of {@code duiding_edge_ngram}. */
@AnalysisSettings
public interface EdgeNGramSettings {

    /** Shortest prefix emitted; one letter matches nearly everything, so two is the default. */
    @IntSetting(path = "min_gram", defaultValue = 2)
    int minGram();

    /** Longest prefix emitted. */
    @IntSetting(path = "max_gram", defaultValue = 20)
    int maxGram();

    /** Also keep the whole token, so long compounds typed in full still match. */
    @BooleanSetting(path = "preserve_original", defaultValue = true)
    boolean preserveOriginal();
}
