package nl.duiding.connector.tenant;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per municipality (gemeentecode, e.g. {@code GM0363}): how its CRM opens the sidebar and which adapter brings its
 * contacts in. Secrets come from the environment or files (see {@link Secret}); this record never prints them.
 */
@ConfigurationProperties("duiding")
public record TenantProperties(@DefaultValue Map<String, Tenant> tenants) {

    /**
     * @param launchSecret     HS256 key the CRM signs launch links with (at least 32 bytes)
     * @param crmOrigins       origins allowed to frame the sidebar (CSP frame-ancestors), e.g. https://kiss.gemeente.nl
     * @param klantinteracties the Klantinteracties API adapter; absent = not used
     * @param webhook          the generic webhook; absent = not used
     */
    public record Tenant(Secret launchSecret, @DefaultValue List<String> crmOrigins, Klantinteracties klantinteracties,
            Webhook webhook) {
    }

    /**
     * @param baseUrl            e.g. https://openklant.gemeente.nl/klantinteracties/api/v1
     * @param token              the API token (sent as {@code Authorization: Token …})
     * @param source             the source name kb-service deduplicates on (with the klantcontact uuid)
     * @param pollInterval       time between polls (the fallback when no notifications arrive)
     * @param pageSize           klantcontacten per page (the API allows up to 500)
     * @param maxPages           pages read per poll at most; the walk stops there and says so
     * @param horizon            contacts that took place longer ago are neither sent nor remembered
     * @param notificationAuth   the Authorization value Open Notificaties sends with callbacks (the abonnement's auth)
     * @param writeBack          record the confirmed narrative as an onderwerpobject on the klantcontact
     * @param kanaalMapping      CRM kanaal (lower case) → Duiding channel, beyond the built-in names
     * @param connectTimeout     connect timeout towards the CRM
     * @param readTimeout        read timeout towards the CRM
     * @param maxAttempts        attempts on 429, 5xx and timeouts before a poll gives up until the next one
     */
    public record Klantinteracties(URI baseUrl, Secret token, String source,
            @DefaultValue("5m") Duration pollInterval,
            @DefaultValue("100") int pageSize,
            @DefaultValue("50") int maxPages,
            @DefaultValue("14d") Duration horizon,
            Secret notificationAuth,
            @DefaultValue("false") boolean writeBack,
            @DefaultValue Map<String, String> kanaalMapping,
            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("10s") Duration readTimeout,
            @DefaultValue("4") int maxAttempts) {
    }

    /**
     * @param secret       HMAC-SHA256 key shared with the CRM
     * @param replayWindow how far the signed timestamp may be from now
     */
    public record Webhook(Secret secret, @DefaultValue("5m") Duration replayWindow) {
    }
}
