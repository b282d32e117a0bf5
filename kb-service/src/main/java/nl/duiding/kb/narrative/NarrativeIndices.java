package nl.duiding.kb.narrative;

import nl.duiding.kb.index.ManagedIndex;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The indices the narrative feature owns. */
@Configuration(proxyBeanMethods = false)
class NarrativeIndices {

    @Bean
    ManagedIndex narrativesIndex() {
        return ManagedIndex.of("narratives", 1);
    }
}
