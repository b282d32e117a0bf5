package nl.duiding.connector.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

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
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the municipality's identity provider towards kb-service: a token endpoint for the OAuth2
 * {@code client_credentials} grant (client authenticated with HTTP Basic) that issues real RS256-signed access tokens
 * shaped like Keycloak's service-account tokens (role {@code connector} under {@code realm_access.roles}), and the
 * JWKS kb-service checks them with, both on 127.0.0.1. It counts and keeps the tokens it issued.
 */
public final class TestIdentityProvider implements AutoCloseable {

    public static final String ISSUER = "https://idp.gemeente.test/realms/kcc";
    public static final String AUDIENCE = "duiding-kb";
    public static final String CLIENT_ID = "kcc-connector";
    public static final String CLIENT_SECRET = "connector-secret-" + UUID.randomUUID();

    private final RSAKey key;
    private final HttpServer server;
    private final List<String> issued = new CopyOnWriteArrayList<>();
    private volatile long lifetimeSeconds = 300;
    private volatile String audience = AUDIENCE;

    public TestIdentityProvider() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-key-1").generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/jwks", exchange -> respond(exchange, 200, jwks));
        server.createContext("/token", this::token);
        server.start();
    }

    public String tokenUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    public String jwksUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    /** How long the next tokens live ({@code exp} and {@code expires_in}). */
    public void lifetime(long seconds) {
        lifetimeSeconds = seconds;
    }

    /** The audience of the next tokens: another one plays a misconfigured client at the provider. */
    public void audience(String value) {
        audience = value;
    }

    /** The access tokens issued so far, oldest first. */
    public List<String> issued() {
        return List.copyOf(issued);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void token(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "{\"error\":\"invalid_client\",\"error_description\":\"Invalid client credentials\"}"
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (!"client_credentials".equals(parameter(form, "grant_type"))) {
            respond(exchange, 400, "{\"error\":\"unsupported_grant_type\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Instant now = Instant.now();
        long lifetime = lifetimeSeconds;
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(audience)
                .subject("service-account-" + CLIENT_ID).claim("azp", CLIENT_ID)
                .claim("preferred_username", "service-account-" + CLIENT_ID)
                .claim("realm_access", Map.of("roles", List.of("connector")))
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plusSeconds(lifetime))).jwtID(UUID.randomUUID().toString()).build();
        String token;
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            token = jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        issued.add(token);
        respond(exchange, 200, ("{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                + lifetime + "}").getBytes(StandardCharsets.UTF_8));
    }

    private static String parameter(String form, String name) {
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
