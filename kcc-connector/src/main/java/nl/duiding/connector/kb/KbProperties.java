package nl.duiding.connector.kb;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import nl.duiding.connector.tenant.Secret;

/**
 * Where kb-service lives and how the connector reaches it.
 *
 * @param url             kb-service's base URL
 * @param username        the connector's account (HTTP Basic in the local profile); empty sends no credentials
 * @param password        its password, from the environment or a file ({@code file:/run/secrets/…})
 * @param sidebarTimeout  how long the sidebar waits for kb-service before it answers from the cache; keeps the CRM
 *                        responsive when kb-service is slow
 * @param retries         attempts for idempotent calls (first try included)
 * @param retryBackoff    first wait between attempts; grows each time
 * @param breakerOpen     how long the circuit breaker stays open (cache only) before it tries kb-service again
 */
@ConfigurationProperties("duiding.kb")
public record KbProperties(
        @DefaultValue("http://127.0.0.1:8080") URI url,
        String username,
        Secret password,
        @DefaultValue("1500ms") Duration sidebarTimeout,
        @DefaultValue("3") int retries,
        @DefaultValue("100ms") Duration retryBackoff,
        @DefaultValue("10s") Duration breakerOpen) {
}
