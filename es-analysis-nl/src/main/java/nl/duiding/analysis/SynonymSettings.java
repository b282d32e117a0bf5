package nl.duiding.analysis;

import java.util.List;

import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.ListSetting;

/** Settings of {@code duiding_synonyms}. */
@AnalysisSettings
public interface SynonymSettings {

    /** Rules in Solr format: {@code "azc, asielzoekerscentrum"} or {@code "5g => vijfde generatie"}. */
    @ListSetting(path = "synonyms")
    List<String> synonyms();

    /** For rules without {@code =>}: true maps every word to all others, false maps all to the first. */
    @BooleanSetting(path = "expand", defaultValue = true)
    boolean expand();

    /** Flattens the synonym graph so the filter can be used at index time. */
    @BooleanSetting(path = "flatten", defaultValue = false)
    boolean flatten();
}
