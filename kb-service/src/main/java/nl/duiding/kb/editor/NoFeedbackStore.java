package nl.duiding.kb.editor;

import java.time.Instant;
import java.util.List;

import nl.duiding.kb.narrative.TenantCode;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What exists until the feedback store (POST /api/v1/feedback) is part of kb-service: no counts. A bean of
 * {@link FeedbackCounts} defined elsewhere replaces this one.
 */
@Configuration(proxyBeanMethods = false)
class NoFeedbackStore {

    @Bean
    @ConditionalOnMissingBean(FeedbackCounts.class)
    FeedbackCounts noFeedbackCounts() {
        return new FeedbackCounts() {
            @Override
            public boolean available() {
                return false;
            }

            @Override
            public List<Count> between(TenantCode viewer, Instant from, Instant to) {
                return List.of();
            }
        };
    }
}
