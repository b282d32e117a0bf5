package nl.duiding.connector.klantinteracties;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param stateDir     where each tenant's seen-set and quarantine live (must survive restarts)
 * @param firstBackoff first wait after a 429, 5xx or timeout from the CRM; doubles per attempt
 * @param tick         how often the poller looks which tenant is due
 */
@ConfigurationProperties("duiding.klantinteracties")
record AdapterSettings(@DefaultValue(".runtime/connector") Path stateDir,
        @DefaultValue("500ms") Duration firstBackoff,
        @DefaultValue("15s") Duration tick) {
}
