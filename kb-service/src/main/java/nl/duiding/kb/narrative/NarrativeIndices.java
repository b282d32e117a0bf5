package nl.duiding.kb.narrative;

import nl.duiding.kb.index.ManagedIndex;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The indices the narrative feature owns: the editors' working copies, what agents see (the last published
 * snapshot, same mapping) and the immutable revision history.
 */
@Configuration(proxyBeanMethods = false)
class NarrativeIndices {

    static final String WORKING_COPIES = "narratives";
    static final String PUBLISHED = "published-narratives";
    static final String REVISIONS = "narrative-revisions";

    @Bean
    ManagedIndex narrativesIndex() {
        return ManagedIndex.of(WORKING_COPIES, 2);
    }

    @Bean
    ManagedIndex publishedNarrativesIndex() {
        return new ManagedIndex(PUBLISHED, 1, "elasticsearch/narratives.json", false);
    }

    @Bean
    ManagedIndex narrativeRevisionsIndex() {
        return ManagedIndex.of(REVISIONS, 1);
    }
}
