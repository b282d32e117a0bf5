package nl.duiding.kb.index;

import org.springframework.stereotype.Component;

/** The one place that turns logical index names into aliases, concrete names and template names. */
@Component
public class IndexNames {

    private final String prefix;

    public IndexNames(IndexProperties properties) {
        this.prefix = properties.prefix();
    }

    /** The alias every reader and writer uses. */
    public String alias(String logicalName) {
        return prefix + "-" + logicalName;
    }

    String template(String logicalName) {
        return prefix + "-" + logicalName;
    }

    String concrete(ManagedIndex index, String contentHash) {
        return alias(index.name()) + "-v" + index.version() + "-" + contentHash;
    }

    String concretePattern(ManagedIndex index) {
        return alias(index.name()) + "-v*";
    }

    /** Time-based indices: {@code <alias>-v<version>-<period>}, e.g. duiding-signals-v1-2026.11. */
    public String timeBased(ManagedIndex index, String period) {
        return alias(index.name()) + "-v" + index.version() + "-" + period;
    }
}
