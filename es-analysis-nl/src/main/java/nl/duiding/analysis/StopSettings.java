package nl.duiding.analysis;

import java.util.List;

import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.ListSetting;

/** Settings of {@code duiding_stop}. */
@AnalysisSettings
public interface StopSettings {

    /** Replaces the default Dutch list; the entry {@code _dutch_} includes the default list. */
    @ListSetting(path = "stopwords")
    List<String> stopwords();
}
