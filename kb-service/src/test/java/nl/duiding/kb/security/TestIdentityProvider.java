package nl.duiding.kb.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the municipality's identity provider: an RSA key set made per test run, its public half served as a
 * JWKS on 127.0.0.1, and real RS256-signed tokens shaped like Keycloak's (roles under {@code realm_access.roles}).
 */
final class TestIdentityProvider implements AutoCloseable {

    static final String ISSUER = "https://idp.gemeente.test/realms/kcc";
    static final String AUDIENCE = "duiding-kb";
    static final String KEY_ID = "test-key-1";

    private final RSAKey key = generate(KEY_ID);
    /** Another key pair that claims the same key id: what a forger without our private key could do. */
    private final RSAKey forgersKey = generate(KEY_ID);
    private final HttpServer server;

    TestIdentityProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        server.start();
    }

    String jwksUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    /** A valid token for a user with these roles and tenant; {@code adjust} changes claims for the bad cases. */
    String token(String user, String tenant, Consumer<JWTClaimsSet.Builder> adjust, String... roles) {
        return sign(key, claims(user, tenant, adjust, roles));
    }

    String token(String user, String tenant, String... roles) {
        return token(user, tenant, c -> { }, roles);
    }

    String signedWithForgersKey(String user, String tenant, String... roles) {
        return sign(forgersKey, claims(user, tenant, c -> { }, roles));
    }

    /** The same claims without a signature: {@code alg: none}. */
    String unsigned(String user, String tenant, String... roles) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(claims(user, tenant, c -> { }, roles).toString()
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }

    /** A valid token whose payload was changed afterwards (more roles), keeping the original signature. */
    String tampered(String user, String tenant, String role, String addedRole) {
        String[] parts = token(user, tenant, role).split("\\.");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String payload = b64.encodeToString(claims(user, tenant, c -> { }, role, addedRole).toString()
                .getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + payload + "." + parts[2];
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static JWTClaimsSet claims(String user, String tenant, Consumer<JWTClaimsSet.Builder> adjust,
            String... roles) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(AUDIENCE).subject(UUID.randomUUID().toString())
                .claim("preferred_username", user)
                .claim("realm_access", Map.of("roles", java.util.List.of(roles)))
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plusSeconds(300))).jwtID(UUID.randomUUID().toString());
        if (tenant != null) {
            claims.claim("gemeentecode", tenant);
        }
        adjust.accept(claims);
        return claims.build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
