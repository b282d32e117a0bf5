package nl.duiding.kb.audit;

import nl.duiding.kb.index.ManagedIndex;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The audit log: one index per month behind the alias {@code <prefix>-audit}, so retention drops whole months; and
 * the scheduler that runs {@link AuditRetention}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditIndices {

    static final ManagedIndex INDEX = ManagedIndex.timeBased("audit", 1);

    @Bean
    ManagedIndex auditIndex() {
        return INDEX;
    }
}
