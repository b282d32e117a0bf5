package nl.duiding.connector.kb;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import nl.duiding.connector.tenant.Secret;

/**
 * Where kb-service lives and how the connector reaches it. The connector proves who it is in exactly one way
 * ({@link KbCredentials}): a client-credentials token or an API key in production, HTTP Basic in the {@code local}
 * profile.
 *
 * @param url               kb-service's base URL
 * @param username          the connector's account for HTTP Basic (the {@code local} profile only); empty sends none
 * @param password          its password, from the environment or a file ({@code file:/run/secrets/…})
 * @param apiKey            an API key kb-service knows ({@code X-Api-Key}), from the environment or a file read once
 * @param apiKeyFile        a file holding the API key, read again when it changes, so the key rotates without a
 *                          restart (mount it from a secret)
 * @param apiKeyReload      how often the key file's modification time is looked at
 * @param clientCredentials a client of the municipality's identity provider with the role {@code connector}
 * @param sidebarTimeout    how long the sidebar waits for kb-service before it answers from the cache; keeps the CRM
 *                          responsive when kb-service is slow
 * @param retries           attempts for idempotent calls (first try included)
 * @param retryBackoff      first wait between attempts; grows each time
 * @param breakerOpen       how long the circuit breaker stays open (cache only) before it tries kb-service again
 */
@ConfigurationProperties("duiding.kb")
public record KbProperties(
        @DefaultValue("http://127.0.0.1:8080") URI url,
        String username,
        Secret password,
        Secret apiKey,
        Path apiKeyFile,
        @DefaultValue("10s") Duration apiKeyReload,
        @DefaultValue ClientCredentials clientCredentials,
        @DefaultValue("1500ms") Duration sidebarTimeout,
        @DefaultValue("3") int retries,
        @DefaultValue("100ms") Duration retryBackoff,
        @DefaultValue("10s") Duration breakerOpen) {

    boolean basic() {
        return username != null && !username.isBlank();
    }

    boolean apiKeys() {
        return apiKey != null || apiKeyFile != null;
    }

    /**
     * The OAuth2 {@code client_credentials} grant at the identity provider's token endpoint. The token is kept until
     * shortly before it expires and then fetched again; kb-service checks its signature, issuer, audience and role.
     *
     * @param tokenUri     the token endpoint, e.g. {@code https://login.gemeente.nl/realms/kcc/protocol/openid-connect/token}
     * @param clientId     the connector's client id at the provider
     * @param clientSecret its secret (sent with HTTP Basic), from the environment or {@code file:}
     * @param scope        scopes to ask for, e.g. {@code api://duiding-kb/.default} for Entra ID; none by default
     * @param timeout      connect and read timeout towards the token endpoint
     */
    public record ClientCredentials(URI tokenUri, String clientId, Secret clientSecret, @DefaultValue List<String> scope,
            @DefaultValue("5s") Duration timeout) {

        boolean configured() {
            return tokenUri != null;
        }
    }
}
