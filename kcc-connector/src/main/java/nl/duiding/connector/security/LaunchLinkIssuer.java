package nl.duiding.connector.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import nl.duiding.connector.tenant.Secret;

/**
 * Signs launch links the way a CRM does (docs/sidebar-embed.md). Used by the demo CRM page in the local profile;
 * a real CRM does this on its own side with the same secret.
 */
public final class LaunchLinkIssuer {

    private final Secret secret;
    private final Clock clock;

    public LaunchLinkIssuer(Secret secret, Clock clock) {
        this.secret = secret;
        this.clock = clock;
    }

    /** What the CRM puts in a launch link. */
    public record Launch(String tenant, String channel, String contactId, String residentId, String subject,
            String notes) {
    }

    public String sign(Launch launch, Duration lifetime) {
        Instant now = clock.instant();
        return sign(launch, now, now.plus(lifetime), UUID.randomUUID().toString());
    }

    public String sign(Launch launch, Instant issuedAt, Instant expiresAt, String id) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(launch.tenant())
                .audience(LaunchLinks.AUDIENCE)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .jwtID(id);
        put(claims, "channel", launch.channel());
        put(claims, "contactId", launch.contactId());
        put(claims, "residentId", launch.residentId());
        put(claims, "subject", launch.subject());
        put(claims, "notes", launch.notes());
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            jwt.sign(new MACSigner(secret.bytes()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign launch link: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    private static void put(JWTClaimsSet.Builder claims, String name, String value) {
        if (value != null) {
            claims.claim(name, value);
        }
    }
}
