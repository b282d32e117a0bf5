package nl.duiding.connector.security;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import nl.duiding.connector.tenant.TenantProperties;
import nl.duiding.connector.tenant.Tenants;

/**
 * Checks a launch link: a JWT the CRM signs with HS256 and the tenant's launch secret (see docs/sidebar-embed.md).
 * It must name the tenant ({@code iss}), the sidebar ({@code aud = duiding-sidebar}), be short-lived
 * ({@code exp − iat} at most {@code duiding.security.launch-max-lifetime}), unexpired, and unused ({@code jti}).
 * The resident id is hashed here, before anything else sees it.
 */
@Component
public class LaunchLinks {

    public static final String AUDIENCE = "duiding-sidebar";
    static final Set<String> CHANNELS = Set.of("telefoon", "balie", "email", "chat", "brief");
    private static final int MAX_TOKEN = 32 * 1024;
    private static final int MAX_NOTES = 10_000;

    private final Tenants tenants;
    private final ReplayGuard replays;
    private final ResidentHasher hasher;
    private final SecurityProperties properties;
    private final Clock clock;

    LaunchLinks(Tenants tenants, ReplayGuard replays, ResidentHasher hasher, SecurityProperties properties,
            Clock clock) {
        this.tenants = tenants;
        this.replays = replays;
        this.hasher = hasher;
        this.properties = properties;
        this.clock = clock;
    }

    public LaunchContext open(String token) {
        if (token == null || token.isBlank()) {
            throw new LaunchRefused(LaunchRefused.Reason.ONTBREEKT, "no token");
        }
        if (token.length() > MAX_TOKEN) {
            throw new LaunchRefused(LaunchRefused.Reason.ONGELDIG, "token too long");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token.strip());
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new LaunchRefused(LaunchRefused.Reason.ONGELDIG, "not a JWT");
        }
        if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new LaunchRefused(LaunchRefused.Reason.ONGELDIG, "algorithm " + jwt.getHeader().getAlgorithm());
        }
        String tenant = claims.getIssuer();
        TenantProperties.Tenant config = tenants.find(tenant)
                .orElseThrow(() -> new LaunchRefused(LaunchRefused.Reason.ONBEKENDE_GEMEENTE, "issuer " + tenant));
        if (config.launchSecret() == null) {
            throw new LaunchRefused(LaunchRefused.Reason.ONBEKENDE_GEMEENTE, "no launch secret for " + tenant);
        }
        try {
            if (!jwt.verify(new MACVerifier(config.launchSecret().bytes()))) {
                throw new LaunchRefused(LaunchRefused.Reason.ONGELDIG, "bad signature");
            }
        } catch (JOSEException e) {
            throw new LaunchRefused(LaunchRefused.Reason.ONGELDIG, "cannot verify: " + e.getMessage());
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(AUDIENCE)) {
            throw new LaunchRefused(LaunchRefused.Reason.ONGELDIG, "audience " + claims.getAudience());
        }
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        if (exp == null || iat == null || claims.getJWTID() == null || claims.getJWTID().isBlank()) {
            throw new LaunchRefused(LaunchRefused.Reason.ONGELDIG, "exp, iat and jti are required");
        }
        Duration skew = properties.clockSkew();
        if (exp.toInstant().plus(skew).isBefore(now)) {
            throw new LaunchRefused(LaunchRefused.Reason.VERLOPEN, "expired at " + exp.toInstant());
        }
        if (iat.toInstant().minus(skew).isAfter(now)
                || Duration.between(iat.toInstant(), exp.toInstant()).compareTo(properties.launchMaxLifetime()) > 0) {
            throw new LaunchRefused(LaunchRefused.Reason.ONGELDIG, "lifetime or issue time out of bounds");
        }
        if (!replays.firstUse(tenant + ":" + claims.getJWTID(), exp.toInstant().plus(skew))) {
            throw new LaunchRefused(LaunchRefused.Reason.AL_GEBRUIKT, "jti used before");
        }
        String channel = string(claims, "channel");
        if (channel == null || !CHANNELS.contains(channel)) {
            channel = "telefoon";
        }
        String residentId = string(claims, "residentId");
        return new LaunchContext(tenant, channel, limit(string(claims, "contactId"), 200),
                hasher.hash(tenant, residentId), hasher.previousHash(tenant, residentId),
                limit(string(claims, "subject"), 500),
                limit(string(claims, "notes"), MAX_NOTES));
    }

    private static String string(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value == null ? null : value.toString();
    }

    private static String limit(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.length() <= max ? value : value.substring(0, max);
    }
}
