package nl.duiding.connector.klantinteracties;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The last poll per tenant and how many contacts sit in quarantine, for the functioneel beheerder. A failing CRM
 * does not take the connector out of service (the sidebar still works), so the status stays UP with details.
 */
@Component("klantinteracties")
class KlantinteractiesHealth extends AbstractHealthIndicator {

    private final KlantinteractiesAdapters adapters;

    KlantinteractiesHealth(KlantinteractiesAdapters adapters) {
        this.adapters = adapters;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up();
        adapters.all().forEach((tenant, adapter) -> {
            var report = adapter.lastReport();
            builder.withDetail(tenant, java.util.Map.of(
                    "lastPoll", report == null ? "nog niet" : report,
                    "quarantined", adapter.quarantine().entries().size(),
                    "remembered", adapter.ledger().size()));
        });
    }
}
