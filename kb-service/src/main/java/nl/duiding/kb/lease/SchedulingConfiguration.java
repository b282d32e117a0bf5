package nl.duiding.kb.lease;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on the scheduled work (belactie detector, daily report, retention). {@code duiding.scheduling.enabled=false}
 * switches it off, for command-line tools and tests that drive the work themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "duiding.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {
}
