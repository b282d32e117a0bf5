package nl.duiding.connector.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import nl.duiding.connector.tenant.Secret;

/**
 * @param residentHashKey   key of the keyed hash (HMAC-SHA256) that replaces a CRM's resident id before anything
 *                          stores or sends it; must stay the same for "Eerder gevraagd" to find earlier contacts
 * @param residentHashPreviousKey the key before the last rotation, during a transition: earlier contacts stored under
 *                          the old hash are still found; nothing new is hashed with it (docs/privacy.md)
 * @param sessionKey        key that signs the sidebar's page token; random per start when absent (then an open
 *                          sidebar needs a new launch after a connector restart, and instances do not share it)
 * @param launchMaxLifetime longest lifetime a launch link may claim (exp − iat)
 * @param clockSkew         tolerated clock difference with the CRM
 * @param sessionLifetime   how long an opened sidebar keeps working without a new launch
 */
@ConfigurationProperties("duiding.security")
public record SecurityProperties(Secret residentHashKey, Secret residentHashPreviousKey, Secret sessionKey,
        @DefaultValue("5m") Duration launchMaxLifetime,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue("8h") Duration sessionLifetime) {
}
