package nl.duiding.connector.security;

import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The sidebar page's own credential: after a launch link was accepted, the page gets a token (in the page, sent
 * back as {@code Authorization: Bearer}) that carries the launch context without the notes. No cookie is set, so
 * the sidebar works inside a CRM on another site where browsers block third-party cookies.
 */
@Component
public class SidebarSessions {

    private static final Logger log = LoggerFactory.getLogger(SidebarSessions.class);
    private static final String AUDIENCE = "duiding-sidebar-session";

    private final byte[] key;
    private final SecurityProperties properties;
    private final Clock clock;

    SidebarSessions(SecurityProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        if (properties.sessionKey() != null && properties.sessionKey().bytes().length >= 32) {
            this.key = properties.sessionKey().bytes();
        } else {
            log.info("duiding.security.session-key not set: open sidebars need a new launch after a restart");
            this.key = new byte[32];
            new SecureRandom().nextBytes(key);
        }
    }

    public String issue(LaunchContext context) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().audience(AUDIENCE).issuer(context.tenant())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(properties.sessionLifetime())))
                .claim("channel", context.channel());
        if (context.contactId() != null) {
            claims.claim("contactId", context.contactId());
        }
        if (context.residentHash() != null) {
            claims.claim("residentHash", context.residentHash());
        }
        if (context.previousResidentHash() != null) {
            claims.claim("previousResidentHash", context.previousResidentHash());
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            jwt.sign(new MACSigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** The context of a valid, unexpired page token; empty for anything else. */
    public Optional<LaunchContext> verify(String token) {
        if (token == null || token.length() > 8192) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(key))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (claims.getAudience() == null || !claims.getAudience().contains(AUDIENCE)
                    || claims.getExpirationTime() == null
                    || claims.getExpirationTime().toInstant().isBefore(clock.instant())) {
                return Optional.empty();
            }
            return Optional.of(new LaunchContext(claims.getIssuer(), claims.getStringClaim("channel"),
                    claims.getStringClaim("contactId"), claims.getStringClaim("residentHash"),
                    claims.getStringClaim("previousResidentHash"), null, null));
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }
}
