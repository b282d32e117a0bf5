package nl.duiding.connector.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Requests per client and {@link #period()} on the connector's public endpoints. A sidebar's calls are counted per
 * open sidebar (its page token), everything else per remote address: many agents of one KCC share an address, CRMs
 * and Open Notificaties call from fixed servers. Behind a reverse proxy the {@code prod} profile takes the address from
 * {@code X-Forwarded-For} set by an internal proxy. The defaults are starting points, not measured capacities.
 *
 * @param sidebarPage   opening the sidebar ({@code GET/POST /sidebar}) per address: every agent of the KCC behind it
 * @param sidebarApi    the sidebar's own calls ({@code /sidebar/api/*}) per open sidebar; typing is debounced to at
 *                      most one suggestion request per 150 ms, 400 a minute
 * @param unverified    {@code /sidebar/api/*} calls without a valid page token, per address
 * @param webhook       {@code POST /api/v1/crm-events} per address (each up to 1,000 contacts)
 * @param notifications {@code POST /api/v1/notificaties/*} per address
 * @param clients       at most this many clients are remembered at once (least recently seen forgotten first)
 */
@ConfigurationProperties("duiding.rate-limit")
public record RateLimitSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1m") Duration period,
        @DefaultValue("300") int sidebarPage,
        @DefaultValue("600") int sidebarApi,
        @DefaultValue("120") int unverified,
        @DefaultValue("120") int webhook,
        @DefaultValue("600") int notifications,
        @DefaultValue("100000") int clients) {
}
