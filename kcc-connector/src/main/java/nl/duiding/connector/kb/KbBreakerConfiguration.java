package nl.duiding.connector.kb;

import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

/**
 * The circuit breaker in front of kb-service for the sidebar. After half of at least four recent calls failed it
 * opens for {@code duiding.kb.breaker-open}, so a down kb-service costs the agent no waiting at all: the cache
 * answers at once. A rejected request (4xx) is the caller's fault and does not count as a failure.
 */
@Configuration(proxyBeanMethods = false)
class KbBreakerConfiguration {

    @Bean
    Customizer<Resilience4JCircuitBreakerFactory> kbServiceBreaker(KbProperties properties) {
        return factory -> factory.configure(builder -> builder
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(properties.sidebarTimeout())
                        .cancelRunningFuture(true).build())
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowSize(10)
                        .minimumNumberOfCalls(4)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(properties.breakerOpen())
                        .permittedNumberOfCallsInHalfOpenState(1)
                        .ignoreExceptions(KbRejected.class)
                        .build()), KnowledgeBase.BREAKER);
    }
}
