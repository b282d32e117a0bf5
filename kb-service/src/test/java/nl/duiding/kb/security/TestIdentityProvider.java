package nl.duiding.kb.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
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
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the municipality's identity provider: an RSA key set made per test run, its public half served as a
 * JWKS on 127.0.0.1, and real RS256-signed tokens shaped like Keycloak's (roles under {@code realm_access.roles}).
 *
 * <p>For the editor's OpenID Connect login it also serves a discovery document, an authorization endpoint that
 * approves at once (as the user set with {@link #nextLogin}), a token endpoint that checks the client and the code and
 * issues a signed ID token with the request's nonce, and an end-session endpoint.
 */
final class TestIdentityProvider implements AutoCloseable {

    static final String ISSUER = "https://idp.gemeente.test/realms/kcc";
    static final String AUDIENCE = "duiding-kb";
    static final String KEY_ID = "test-key-1";
    static final String CLIENT_ID = "duiding-redactie";
    static final String CLIENT_SECRET = "redactie-" + UUID.randomUUID();

    private final RSAKey key = generate(KEY_ID);
    /** Another key pair that claims the same key id: what a forger without our private key could do. */
    private final RSAKey forgersKey = generate(KEY_ID);
    private final HttpServer server;
    private final String issuer;
    private final AtomicReference<Login> next = new AtomicReference<>();
    private final Map<String, Login> codes = new ConcurrentHashMap<>();

    /** Who the authorization endpoint logs in next, and how the ID token is to be spoiled, if at all. */
    private record Login(String user, String tenant, String[] roles, Consumer<JWTClaimsSet.Builder> adjust,
            boolean forged, String nonce, String redirectUri) {

        Login withRequest(String nonce, String redirectUri) {
            return new Login(user, tenant, roles, adjust, forged, nonce, redirectUri);
        }
    }

    /** Tokens with the fixed {@link #ISSUER}; for the API tests, which configure the JWKS address directly. */
    TestIdentityProvider() {
        this(false);
    }

    /**
     * @param discoverable true: the issuer is this server's own address, so a client can read its discovery document
     *                     there (as the editor's login does)
     */
    TestIdentityProvider(boolean discoverable) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        issuer = discoverable ? base + "/realms/kcc" : ISSUER;
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/jwks", exchange -> respond(exchange, 200, "application/json", jwks));
        server.createContext("/realms/kcc/.well-known/openid-configuration", exchange -> respond(exchange, 200,
                "application/json", discovery(base).getBytes(StandardCharsets.UTF_8)));
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/logout", exchange -> {
            String back = query(exchange.getRequestURI()).get("post_logout_redirect_uri");
            exchange.getResponseHeaders().add("Location", back == null ? base + "/" : back);
            respond(exchange, 302, "text/plain", new byte[0]);
        });
        server.start();
    }

    String issuer() {
        return issuer;
    }

    String jwksUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    /** The next login at the authorization endpoint is this user; {@code adjust} spoils its ID token if wanted. */
    void nextLogin(String user, String tenant, Consumer<JWTClaimsSet.Builder> adjust, String... roles) {
        next.set(new Login(user, tenant, roles, adjust, false, null, null));
    }

    void nextLogin(String user, String tenant, String... roles) {
        nextLogin(user, tenant, c -> { }, roles);
    }

    /** The next login gets an ID token signed with a key that is not in the JWKS. */
    void nextLoginForged(String user, String tenant, String... roles) {
        next.set(new Login(user, tenant, roles, c -> { }, true, null, null));
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

    private String discovery(String base) {
        return "{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + base + "/authorize\","
                + "\"token_endpoint\":\"" + base + "/token\",\"jwks_uri\":\"" + base + "/jwks\","
                + "\"end_session_endpoint\":\"" + base + "/logout\","
                + "\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                + "\"token_endpoint_auth_methods_supported\":[\"client_secret_basic\"],"
                + "\"grant_types_supported\":[\"authorization_code\"],"
                + "\"scopes_supported\":[\"openid\",\"profile\"]}";
    }

    /** Approves at once: back to the client with a code, as a provider does once the user has logged in. */
    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> request = query(exchange.getRequestURI());
        Login login = next.get();
        if (login == null || !CLIENT_ID.equals(request.get("client_id")) || !"code".equals(request.get("response_type"))
                || request.get("redirect_uri") == null) {
            respond(exchange, 400, "text/plain", "bad authorization request".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, login.withRequest(request.get("nonce"), request.get("redirect_uri")));
        String back = request.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(request.getOrDefault("state", ""), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Location", back);
        respond(exchange, 302, "text/plain", new byte[0]);
    }

    /** The authorization code for tokens: client authenticated with HTTP Basic, code used once, same redirect. */
    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        Login login = form.get("code") == null ? null : codes.remove(form.get("code"));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (login == null || !"authorization_code".equals(form.get("grant_type"))
                || !login.redirectUri().equals(form.get("redirect_uri"))) {
            respond(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        JWTClaimsSet idToken = claims(login.user(), login.tenant(), c -> {
            c.audience(CLIENT_ID).claim("nonce", login.nonce()).claim("auth_time", Instant.now().getEpochSecond());
            login.adjust().accept(c);
        }, login.roles());
        String body = "{\"access_token\":\"" + UUID.randomUUID() + "\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                + "\"scope\":\"openid profile\",\"id_token\":\"" + sign(login.forged() ? forgersKey : key, idToken)
                + "\"}";
        respond(exchange, 200, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private static Map<String, String> query(URI uri) {
        return form(uri.getRawQuery() == null ? "" : uri.getRawQuery());
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private JWTClaimsSet claims(String user, String tenant, Consumer<JWTClaimsSet.Builder> adjust, String... roles) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer).audience(AUDIENCE).subject(UUID.randomUUID().toString())
                .claim("preferred_username", user)
                .claim("realm_access", Map.of("roles", List.of(roles)))
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
