package nl.duiding.analysis;

import java.util.List;

import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.ListSetting;

/** Settings of {@code duiding_stem}. */
@AnalysisSettings
public interface StemSettings {

    /** Rules {@code "word[, word…] => stem"} that bypass the stemmer, e.g. {@code "geteld => tell"}. */
    @ListSetting(path = "overrides")
    List<String> overrides();
}
