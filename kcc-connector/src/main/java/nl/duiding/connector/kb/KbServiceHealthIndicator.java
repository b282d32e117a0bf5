package nl.duiding.connector.kb;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Whether kb-service answers. An unreachable kb-service makes this component {@code DEGRADED}, not DOWN: the
 * sidebar keeps serving cached scripts, so a load balancer must not take the connector out of service for it.
 */
@Component("kbService")
class KbServiceHealthIndicator extends AbstractHealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "kb-service is not reachable; serving from cache");

    private final KbHealthClient client;
    private final KbProperties properties;

    KbServiceHealthIndicator(KbHealthClient client, KbProperties properties) {
        super("kb-service health check failed");
        this.client = client;
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("url", properties.url().toString());
        try {
            Object status = client.health().get("status");
            if ("UP".equals(status)) {
                builder.up();
            } else {
                builder.status(DEGRADED).withDetail("kbStatus", String.valueOf(status));
            }
        } catch (RuntimeException e) {
            // In words, not an exception class: health answers anyone.
            int status = KbFailures.classify(e) instanceof KbUnavailable unavailable ? unavailable.status() : 0;
            builder.status(DEGRADED).withDetail("error", status == 0 ? "niet bereikbaar" : "antwoord " + status);
        }
    }
}
