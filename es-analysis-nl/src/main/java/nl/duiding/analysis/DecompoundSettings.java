package nl.duiding.analysis;

import java.util.List;

import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.IntSetting;
import org.elasticsearch.plugin.settings.ListSetting;

/** Settings of {@code duiding_decompound}. */
@AnalysisSettings
public interface DecompoundSettings {

    /** The words compounds are made of, e.g. "gemeenteraad", "verkiezing", "asielzoeker", "centrum". */
    @ListSetting(path = "words")
    List<String> words();

    /** Tokens shorter than this are never split. */
    @IntSetting(path = "min_word_size", defaultValue = 6)
    int minWordSize();

    /** Words from the list shorter than this are never used as a part. */
    @IntSetting(path = "min_subword_size", defaultValue = 3)
    int minSubwordSize();

    /** True: only the top-level parts, and listed words stay whole; false: parts are split further. */
    @BooleanSetting(path = "only_longest_match", defaultValue = false)
    boolean onlyLongestMatch();
}
