package nl.duiding.kb.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Requests per client (the signed-in user or service, else the remote address) and {@link #period()} on the endpoints
 * anyone can reach or that cost the most: matching, suggestions, the editor's login and the public documents. Behind a
 * reverse proxy, set {@code server.forward-headers-strategy=native} so the remote address is the client's, not the
 * proxy's.
 *
 * @param connectorFactor kcc-connector is one client that speaks for every agent of a KCC, so it gets this many times
 *                        the limits of a single user
 * @param clients         at most this many clients are remembered at once (least recently seen forgotten first)
 */
@ConfigurationProperties("duiding.rate-limit")
public record RateLimitSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1m") Duration period,
        @DefaultValue("120") int match,
        @DefaultValue("600") int suggest,
        @DefaultValue("10") int login,
        @DefaultValue("60") int documents,
        @DefaultValue("20") int connectorFactor,
        @DefaultValue("100000") int clients) {
}
