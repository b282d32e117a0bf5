package nl.duiding.kb.matching;

import nl.duiding.kb.index.ManagedIndex;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The indices matching owns: what it searches, and the plain baseline it is measured against. */
@Configuration(proxyBeanMethods = false)
class MatchIndices {

    static final String MATCH = "match";
    static final String BASELINE = "match-baseline";

    @Bean
    ManagedIndex matchIndex() {
        return ManagedIndex.of(MATCH, 1);
    }

    @Bean
    ManagedIndex matchBaselineIndex() {
        return ManagedIndex.of(BASELINE, 1);
    }
}
