package nl.duiding.kb.audit;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention how long audit entries are kept; whole months older than this are deleted by
 *                  {@link AuditRetention}. The default is a starting point for the municipality's own choice
 *                  (docs/privacy.md), not a legal requirement.
 */
@ConfigurationProperties("duiding.audit")
public record AuditSettings(@DefaultValue("P2Y") Period retention) {
}
