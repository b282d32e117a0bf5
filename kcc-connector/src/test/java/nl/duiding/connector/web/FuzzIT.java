package nl.duiding.connector.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import nl.duiding.connector.support.KbServiceExtension;
import nl.duiding.connector.support.SidebarClient;
import nl.duiding.connector.tenant.Secret;

/**
 * At least 10,000 generated bad requests against the connector on a real port, with the real kb-service behind it:
 * launch links that are forged, expired, reused, of unknown municipalities or with claims of the wrong type; page
 * tokens valid and not; pasted texts, suggestions and feedback with broken JSON, wrong types, control characters,
 * huge and deep bodies; webhooks (contacts and erasure requests) correctly signed but with broken payloads, and signed
 * wrongly; notifications (klantcontacten and destroyed partijen) with and without the subscription's secret; unknown,
 * encoded and traversing addresses; one in ten as raw bytes no HTTP client would send. No answer may be a 5xx, and none may carry a stack trace, an exception's class name, a package name or
 * a server version.
 *
 * <p>Requests that are valid all the way down to kb-service or the CRM are not generated: their documented answer when
 * that system cannot take them is 503 (webhook, notifications, feedback), which is no fault of the connector. Every
 * request is made from {@code new Random(seed, index)} alone, so a failure reported as "#1234" comes back with the same
 * seed: {@code -Dduiding.fuzz.seed=… -Dduiding.fuzz.requests=…}.
 */
@ExtendWith(KbServiceExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FuzzIT {

    private static final long SEED = Long.getLong("duiding.fuzz.seed", 20261126L);
    private static final int REQUESTS = Integer.getInteger("duiding.fuzz.requests", 10_000);
    private static final Duration TIME_LIMIT = Duration.ofMinutes(10);
    private static final int THREADS = 4;
    private static final int BODY_LIMIT = 64 * 1024;
    private static final String NOTIFICATION_AUTH = "Token notificaties-" + UUID.randomUUID();
    private static final String CRM_BASE = "http://127.0.0.1:9/klantinteracties/api/v1";

    /** What must never reach a caller: stack frames, exception classes, our packages and libraries, server versions. */
    private static final Pattern LEAK = Pattern.compile(
            "(?m)^\\s*at [\\w$.]+\\(|\\w+(Exception|Error)\\b|java\\.(lang|io|util|net)|jakarta\\.|"
                    + "org\\.(springframework|apache|thymeleaf|slf4j)|tools\\.jackson|com\\.fasterxml|"
                    + "com\\.nimbusds|io\\.github|feign\\.|nl\\.duiding|Apache Tomcat|Whitelabel|\"trace\"\\s*:");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.address", () -> "127.0.0.1");
        for (String limit : List.of("sidebar-page", "sidebar-api", "unverified", "webhook", "notifications")) {
            registry.add("duiding.rate-limit." + limit, () -> "1000000");
        }
        // A Klantinteracties tenant, so notifications get past their secret; its CRM address answers nothing.
        String tenant = "duiding.tenants." + KbServiceExtension.TENANT + ".klantinteracties.";
        registry.add(tenant + "base-url", () -> CRM_BASE);
        registry.add(tenant + "token", () -> "crm-token-" + UUID.randomUUID());
        registry.add(tenant + "notification-auth", () -> NOTIFICATION_AUTH);
        registry.add(tenant + "poll-interval", () -> "1h");
    }

    @LocalServerPort
    int port;

    private HttpClient http;
    private final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger unanswered = new AtomicInteger();
    private final AtomicInteger protocolAnswers = new AtomicInteger();

    @Test
    void answersTenThousandBadRequestsWithoutA5xxOrALeak() throws Exception {
        SidebarClient sidebar = new SidebarClient(port);
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sessions.add(sidebar.session(i % 2 == 0 ? "inwoner-" + i : null, "notities " + i));
        }
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        Instant deadline = Instant.now().plus(TIME_LIMIT);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        for (int t = 0; t < THREADS; t++) {
            pool.submit(() -> {
                int index;
                while ((index = next.getAndIncrement()) < REQUESTS && Instant.now().isBefore(deadline)) {
                    Generator generator = new Generator(new Random(SEED * 1_000_003L + index), sessions);
                    send(index, generator.next());
                    sent.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(TIME_LIMIT.toMinutes() + 1, TimeUnit.MINUTES)).isTrue();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Fuzz (kcc-connector): %d requests (seed %d) in %.1f s with %d threads; statuses %s (0: HTTP/0.9 "
                        + "answer without status line); %d protocol answers 501/505 to raw requests; %d without answer%n",
                sent.get(), SEED, seconds, THREADS, new TreeMap<>(statuses), protocolAnswers.get(), unanswered.get());

        assertThat(failures).as("answers with a 5xx or a leak (seed %d)", SEED).isEmpty();
        assertThat(sent.get()).as("requests sent within %s", TIME_LIMIT).isEqualTo(REQUESTS);
        // The mix reaches the endpoints, not only the front door.
        assertThat(statuses.keySet()).contains(200, 204, 400, 401, 404, 405, 413, 415);
    }

    private void send(int index, BadRequest request) {
        int status;
        String answer;
        try {
            if (request.raw() != null) {
                String response = raw(request.raw());
                if (response.isEmpty()) {
                    unanswered.incrementAndGet();
                    return;
                }
                Matcher line = Pattern.compile("^HTTP/1\\.[01] (\\d{3})").matcher(response);
                // No status line: the container answered a request line it read as HTTP/0.9 with a bare body.
                status = line.find() ? Integer.parseInt(line.group(1)) : 0;
                answer = response;
            } else {
                HttpResponse<String> response = http.send(request.http(), HttpResponse.BodyHandlers.ofString(
                        StandardCharsets.ISO_8859_1));
                status = response.statusCode();
                answer = response.headers().map() + "\n" + response.body();
            }
        } catch (IOException e) {
            // The server closed the connection on a request it would not read (e.g. a body far over the limit).
            unanswered.incrementAndGet();
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        statuses.merge(status, 1, Integer::sum);
        Matcher leak = LEAK.matcher(answer);
        // Tomcat's own answers to a request it cannot speak (RFC 9112): 501 for an unknown transfer coding, 505 for an
        // unknown HTTP version. They come before the connector sees anything and say nothing about it.
        boolean protocolAnswer = request.raw() != null && (status == 501 || status == 505);
        if (protocolAnswer) {
            protocolAnswers.incrementAndGet();
        }
        if ((status >= 500 && !protocolAnswer) || leak.find()) {
            String found = status >= 500 ? "status " + status : "leak '" + leak.group() + "'";
            failures.add("#" + index + " " + request.description() + " → " + found + ": "
                    + answer.substring(0, Math.min(answer.length(), 300)).replaceAll("\\s+", " "));
        }
    }

    private String raw(byte[] bytes) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) > 0 && response.size() < 1_000_000) {
                    response.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException e) {
                // What came is what we judge.
            }
            return response.toString(StandardCharsets.ISO_8859_1);
        } catch (java.net.SocketException e) {
            return "";
        }
    }

    /** One generated request: through the HTTP client, or as raw bytes on a socket. */
    private record BadRequest(String description, HttpRequest http, byte[] raw) {
    }

    /** Makes one bad request from its own random source. */
    private final class Generator {

        private static final String[] METHODS = {"GET", "GET", "GET", "POST", "POST", "POST", "POST", "PUT", "DELETE",
                "PATCH", "HEAD", "OPTIONS", "TRACE", "PROPFIND", "FOO"};
        private static final String[] SLUGS = {"chemtrails", "5g-gezondheid", "bestaat-niet", "a", "", "Hoofdletters",
                "café", "%00", "..", "%2e%2e", "..%2f..%2fetc", "%2F", "a%2Fb", "%ff%fe", "%zz",
                "<script>alert(1)</script>", "' OR 1=1 --", "💥", "\u202Eevil", "a;jsessionid=1", "x".repeat(300), "-",
                "0", "-1", "99999999999999999999", "null", "${jndi:ldap://127.0.0.1/a}", "%u0000", "a b", "*", "?", "#"};
        private static final String[] TENANTS = {KbServiceExtension.TENANT, "GM0599", "GM9999", "nationaal", "", "x",
                "gm0363", "GM0363 ", "../GM0363", "%00", "GM" + "9".repeat(40)};
        private static final String[] CONTENT_TYPES = {"application/json", "application/json; charset=utf-8",
                "application/json; charset=utf-16", "application/json; charset=geen-tekenset", "application/json;;;",
                "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data",
                "multipart/form-data; boundary=grens", "a/b/c", "", "*/*", "application/octet-stream",
                "text/html; charset=utf-8", "application/json\u00e9"};
        private static final String[] ACCEPTS = {"*/*", "application/json", "text/html", "application/xml", "image/png",
                "garbage", "", "application/json;q=0, */*;q=0", "application/problem+json", "text/event-stream"};
        private static final String[] WORDS = {"gif", "vliegtuigen", "5G", "zendmast", "chemtrails", "stemmen",
                "gemeente", "belastingen", "soeverein", "wanneer", "grofvuil", "ziek", "straling", "ä", "ß", "€",
                "😀", "\u200B", "\u0301", "\uFEFF", "\u202E", "\\", "\"", "'", "<", ">", "&", "%", "{", "}", "[", "]",
                ":", ",", "\\u0000", "\\ud800", "\t", "\n", "<img src=x onerror=alert(1)>", "javascript:alert(1)"};

        private final Random random;
        private final List<String> sessions;

        Generator(Random random, List<String> sessions) {
            this.random = random;
            this.sessions = sessions;
        }

        BadRequest next() {
            if (random.nextInt(10) == 0) {
                return rawRequest();
            }
            return switch (random.nextInt(10)) {
                case 0, 1 -> sidebarPage();
                case 2, 3, 4 -> sidebarApi();
                case 5, 6 -> webhook();
                case 7 -> notification();
                default -> anywhere();
            };
        }

        // --- the sidebar page ---------------------------------------------------------------------------------

        private BadRequest sidebarPage() {
            String launch = launch();
            if (random.nextBoolean()) {
                String query = random.nextInt(5) == 0 ? pick(new String[] {"", "launch", "launch=", "launch=%zz",
                        "launch=" + launch + "&launch=" + launch, "x=1"}) : "launch="
                        + URLEncoder.encode(launch, StandardCharsets.UTF_8);
                return client(pick(new String[] {"GET", "GET", "HEAD", "PUT", "DELETE"}), "/sidebar?" + query,
                        null, null, List.of("Accept", pick(ACCEPTS)));
            }
            String form = pick(new String[] {"launch=" + URLEncoder.encode(launch, StandardCharsets.UTF_8),
                    "launch=" + launch, "launch=%zz", "launch", "=&=&", "launch=" + "a".repeat(70_000), ""});
            return client("POST", "/sidebar", form.getBytes(StandardCharsets.UTF_8),
                    random.nextInt(4) == 0 ? pick(CONTENT_TYPES) : "application/x-www-form-urlencoded", List.of());
        }

        /** A launch link: valid, or bad in one of many ways. */
        private String launch() {
            int kind = random.nextInt(12);
            String secret = KbServiceExtension.launchSecret();
            Instant now = Instant.now();
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(KbServiceExtension.TENANT)
                    .audience("duiding-sidebar").issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plusSeconds(120))).jwtID(UUID.randomUUID().toString())
                    .claim("channel", pick(new String[] {"telefoon", "chat", "fax", "", "EMAIL"}))
                    .claim("notes", String.join(" ", words(1 + random.nextInt(30))));
            switch (kind) {
                case 0 -> secret = "een-ander-geheim-van-voldoende-lengte-" + random.nextInt(1000);
                case 1 -> claims.expirationTime(Date.from(now.minusSeconds(600))).issueTime(Date.from(now.minusSeconds(700)));
                case 2 -> claims.expirationTime(Date.from(now.plusSeconds(86_400)));
                case 3 -> claims.issuer(pick(TENANTS));
                case 4 -> claims.audience(pick(new String[] {"duiding-sidebar-session", "kb", ""}));
                case 5 -> claims.claim("channel", List.of(1, 2)).claim("notes", Map.of("a", 1))
                        .claim("residentId", 12345).claim("subject", List.of("a", "b"));
                case 6 -> claims.claim("notes", "a".repeat(15_000)).claim("subject", "b".repeat(2_000))
                        .claim("contactId", "c".repeat(1_000));
                case 7 -> claims.jwtID("hergebruikt-" + random.nextInt(3));
                case 8 -> {
                    return pick(new String[] {"", "a.b.c", "eyJhbGciOiJub25lIn0.eyJpc3MiOiJHTTAzNjMifQ.", "%zz",
                            "x".repeat(40_000), "....", "eyJ", Base64.getEncoder().encodeToString(bytes(300))});
                }
                case 9 -> claims.claim("residentId", String.join("", words(3)))
                        .claim("contactId", String.join("", words(2)));
                default -> {
                    // A valid link.
                }
            }
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader(kind == 10 ? JWSAlgorithm.HS512 : JWSAlgorithm.HS256),
                        claims.build());
                jwt.sign(new MACSigner(new Secret(kind == 10 ? secret + secret : secret).bytes()));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        // --- the sidebar's own calls ----------------------------------------------------------------------------

        private BadRequest sidebarApi() {
            String token = switch (random.nextInt(6)) {
                case 0 -> null;
                case 1 -> pick(new String[] {"", "abc", "eyJhbGciOiJub25lIn0.e30.", "a".repeat(9000), "%00"});
                default -> sessions.get(random.nextInt(sessions.size()));
            };
            List<String> headers = new ArrayList<>();
            if (token != null) {
                headers.addAll(List.of("Authorization", pick(new String[] {"Bearer ", "Bearer ", "Basic ", "bearer ",
                        ""}) + token));
            }
            headers.addAll(List.of("Accept", pick(ACCEPTS)));
            return switch (random.nextInt(5)) {
                case 0 -> client(method("GET"), "/sidebar/api/suggest" + pick(new String[] {"", "?q=", "?q=a",
                        "?q=" + encoded(words(1 + random.nextInt(4))), "?q=" + "a".repeat(300), "?q=%zz", "?q=%00",
                        "?q=ch&q=5g", "?Q=ch"}), null, null, headers);
                case 1 -> client(method("POST"), "/sidebar/api/match", body(), contentType(), headers);
                case 2 -> client(method("GET"), "/sidebar/api/narratives/" + pick(SLUGS), null, null, headers);
                case 3 -> client(method("GET"), "/sidebar/api/context" + pick(new String[] {"", "?tenant=GM0599",
                        "/x"}), null, null, headers);
                default -> client(method("POST"), "/sidebar/api/feedback", feedback(), contentType(), headers);
            };
        }

        private byte[] body() {
            return switch (random.nextInt(12)) {
                case 0 -> text("{\"text\": " + pick(new String[] {"1", "true", "null", "[]", "{}", "1e999999",
                        "\"" + "9".repeat(100) + "\""}) + "}");
                case 1 -> text("{\"text\": \"" + String.join(" ", words(20)) + "\\ud800\\udfff\\ud800 \u0000\u0008\"}");
                case 2 -> text("{\"text\": \"a\u0000b\u0001c\u001bd\"}");
                case 3 -> text(nested(pick(new int[] {50, 600, 2000, 20_000})));
                case 4 -> bytes(BODY_LIMIT + 1 + random.nextInt(BODY_LIMIT));
                case 5 -> bytes(1 + random.nextInt(2000));
                case 6 -> text("{\"text\": \"" + "gif ".repeat(3_000 + random.nextInt(2_000)) + "\"}");
                case 7 -> new byte[0];
                case 8 -> text("{\"text\": \"a\", \"text\": \"b\", \"onbekend\": true}");
                case 9 -> text("{\"text\": \"" + String.join(" ", words(1 + random.nextInt(40))).replace("\\", "\\\\")
                        .replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + "\"");
                case 10 -> text("text=" + encoded(words(5)));
                default -> text("{\"text\": \"" + String.join(" ", words(1 + random.nextInt(40))).replace("\\", "\\\\")
                        .replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + "\"}");
            };
        }

        /** Feedback that is wrong in some way: a valid click would go to kb-service as it should. */
        private byte[] feedback() {
            return switch (random.nextInt(6)) {
                case 0 -> text("{\"slug\": \"" + pick(SLUGS).replace("\\", "").replace("\"", "") + "\", \"kind\": \"fout\"}");
                case 1 -> text("{\"slug\": 1, \"kind\": []}");
                case 2 -> text("{\"kind\": \"hielp\"}");
                case 3 -> text("{\"slug\": \"chemtrails\"");
                case 4 -> bytes(1 + random.nextInt(500));
                default -> text("[" + "{}".repeat(random.nextInt(3)) + "]");
            };
        }

        // --- the webhook -----------------------------------------------------------------------------------------

        private BadRequest webhook() {
            boolean erasure = random.nextInt(4) == 0;
            byte[] body = erasure ? erasureBody() : switch (random.nextInt(8)) {
                case 0 -> bytes(1 + random.nextInt(3000));
                case 1 -> text(nested(pick(new int[] {100, 5000})));
                case 2 -> text("{\"source\": \"crm\", \"events\": " + pick(new String[] {"null", "{}", "1", "[]",
                        "[null]", "[1, 2]"}) + "}");
                case 3 -> text("{\"source\": \"crm\", \"events\": [" + String.join(",", java.util.Collections.nCopies(
                        1001, "{\"id\":\"x\"}")) + "]}");
                default -> text(events());
            };
            String timestamp = switch (random.nextInt(8)) {
                case 0 -> String.valueOf(Instant.now().minusSeconds(3600).getEpochSecond());
                case 1 -> pick(new String[] {"", "abc", "-1", "99999999999999999999", "1e9", "%00"});
                default -> String.valueOf(Instant.now().getEpochSecond());
            };
            String signature = switch (random.nextInt(6)) {
                case 0 -> pick(new String[] {"", "sha256=", "sha256=" + "0".repeat(64), "sha1=abc", "sha256=zz"});
                case 1 -> null;
                default -> sign(KbServiceExtension.webhookSecret(), timestamp, body);
            };
            List<String> headers = new ArrayList<>(List.of("X-Duiding-Tenant", random.nextInt(6) == 0 ? pick(TENANTS)
                    : KbServiceExtension.TENANT, "X-Duiding-Timestamp", timestamp));
            if (signature != null) {
                headers.addAll(List.of("X-Duiding-Signature", signature));
            }
            return client(method("POST"), erasure ? "/api/v1/crm-erasures" : "/api/v1/crm-events", body,
                    random.nextInt(6) == 0 ? pick(CONTENT_TYPES) : "application/json", headers);
        }

        /** An erasure request without a usable resident id, so nothing reaches kb-service. */
        private byte[] erasureBody() {
            return switch (random.nextInt(5)) {
                case 0 -> bytes(1 + random.nextInt(3000));
                case 1 -> text(nested(pick(new int[] {100, 5000})));
                case 2 -> text("{\"residentId\": \"" + "x".repeat(201 + random.nextInt(5000)) + "\"}");
                default -> text("{\"residentId\": " + pick(new String[] {"null", "\"\"", "\"   \"", "[]", "{}"})
                        + "}");
            };
        }

        /** A payload with at least one event that breaks a rule, so nothing valid reaches kb-service. */
        private String events() {
            List<String> events = new ArrayList<>();
            int n = 1 + random.nextInt(5);
            int broken = random.nextInt(n);
            for (int i = 0; i < n; i++) {
                String id = "\"id\": \"e" + random.nextInt(1000) + "\"";
                String at = "\"occurredAt\": \"" + Instant.now().minusSeconds(random.nextInt(86_400)) + "\"";
                String channel = "\"channel\": \"" + pick(new String[] {"telefoon", "chat", "email"}) + "\"";
                String text = "\"text\": \"" + encodedJson(words(1 + random.nextInt(20))) + "\"";
                String extra = "\"residentId\": \"" + random.nextInt(100) + "\", \"narratives\": [\"chemtrails\"]";
                if (i == broken) {
                    switch (random.nextInt(9)) {
                        case 0 -> id = pick(new String[] {"\"id\": \"\"", "\"id\": null", "\"id\": [12]",
                                "\"id\": \"" + "x".repeat(300) + "\""});
                        case 1 -> at = pick(new String[] {"\"occurredAt\": \"gisteren\"", "\"occurredAt\": 1",
                                "\"occurredAt\": \"2026-13-45T99:00:00Z\"", "\"occurredAt\": null"});
                        case 2 -> channel = pick(new String[] {"\"channel\": \"fax\"", "\"channel\": \"\"",
                                "\"channel\": [\"chat\"]", "\"channel\": \"CHAT\""});
                        case 3 -> text = pick(new String[] {"\"text\": \"\"", "\"text\": null",
                                "\"text\": \"" + "a".repeat(10_001) + "\""});
                        case 4 -> extra = "\"narratives\": [\"" + pick(SLUGS).replaceAll("[\\\\\"]", "") + "!\"]";
                        case 5 -> extra = "\"narratives\": [null, 1]";
                        case 6 -> extra = "\"confidential\": \"misschien\"";
                        case 7 -> id = "\"id\": \"dubbel\"";
                        default -> at = "";
                    }
                }
                StringBuilder event = new StringBuilder("{").append(id);
                for (String part : List.of(at, channel, text, extra)) {
                    if (!part.isEmpty()) {
                        event.append(", ").append(part);
                    }
                }
                events.add(event.append("}").toString());
            }
            if (events.stream().filter(e -> e.contains("\"dubbel\"")).count() == 1) {
                events.add(events.get(events.size() - 1).replaceFirst("\"id\": \"[^\"]*\"", "\"id\": \"dubbel\""));
            }
            String source = random.nextInt(5) == 0 ? pick(new String[] {"\"Sales Force!\"", "\"\"", "null", "1"})
                    : "\"crm-" + random.nextInt(3) + "\"";
            return "{\"source\": " + source + ", \"events\": [" + String.join(", ", events) + "]}";
        }

        // --- notifications ---------------------------------------------------------------------------------------

        private BadRequest notification() {
            String tenant = random.nextInt(5) == 0 ? pick(TENANTS) : KbServiceExtension.TENANT;
            String auth = switch (random.nextInt(5)) {
                case 0 -> null;
                case 1 -> pick(new String[] {"", "Token fout", NOTIFICATION_AUTH + " ", "Bearer x"});
                default -> NOTIFICATION_AUTH;
            };
            // Right kanaal, resource and actie only with a resourceUrl outside the tenant's API: nothing is fetched.
            String url = pick(new String[] {"http://elders.test/klantcontacten/1", "niet een url", "%zz", "",
                    "javascript:alert(1)", CRM_BASE + "/../../admin", CRM_BASE.replace("127.0.0.1", "localhost")
                    + "/klantcontacten/x", "file:///etc/passwd"});
            String body = switch (random.nextInt(7)) {
                case 0 -> "{\"kanaal\": \"klantinteracties\", \"resource\": \"klantcontact\", \"actie\": \"create\", "
                        + "\"resourceUrl\": \"" + url + "\"}";
                case 1 -> "{\"kanaal\": \"zaken\", \"resource\": \"zaak\", \"actie\": \"create\", \"resourceUrl\": \""
                        + CRM_BASE + "/klantcontacten/1\"}";
                case 2 -> random.nextBoolean()
                        ? "{\"kanaal\": \"klantinteracties\", \"resource\": \"klantcontact\", \"actie\": \"destroy\"}"
                        // A destroyed partij only with a resourceUrl outside the API or without a uuid: nothing erased.
                        : "{\"kanaal\": \"partijen\", \"resource\": \"partij\", \"actie\": \"destroy\", \"resourceUrl\": \""
                                + (random.nextBoolean() ? url : CRM_BASE + "/partijen/" + pick(new String[] {"1", "x",
                                        "../klantcontacten/1", ""})) + "\"}";
                case 3 -> "{\"kanaal\": 1, \"resource\": [], \"actie\": {}}";
                case 4 -> "{}";
                case 5 -> new String(bytes(1 + random.nextInt(500)), StandardCharsets.ISO_8859_1);
                default -> "{\"kanaal\": \"klantinteracties\"";
            };
            List<String> headers = new ArrayList<>();
            if (auth != null) {
                headers.addAll(List.of("Authorization", auth));
            }
            return client(method("POST"), "/api/v1/notificaties/" + tenant, text(body), contentType(), headers);
        }

        // --- everything else -------------------------------------------------------------------------------------

        private BadRequest anywhere() {
            String path = pick(new String[] {"/", "/sidebar/", "/SIDEBAR", "/sidebar/sidebar.js", "/sidebar/sidebar.css",
                    "/sidebar/../sidebar", "/sidebar/%2e%2e/actuator/env", "/actuator/health", "/actuator/env",
                    "/actuator/heapdump", "/actuator/health/kbService", "/error", "/api/v1/crm-events",
                    "/api/v1/notificaties", "/api/v1/notificaties/", "//api//v1//crm-events", "/sidebar/api/",
                    "/sidebar/api/narratives/", "/sidebar/even-geduld", "/demo/demo.css", "/WEB-INF/web.xml",
                    "/" + pick(SLUGS), "/sidebar;x=y", "/api/v1/crm-events;jsessionid=1", "/sidebar?launch=%"});
            return client(pick(METHODS), path, random.nextBoolean() ? null : body(), contentType(),
                    List.of("Accept", pick(ACCEPTS)));
        }

        /** Requests no well-behaved client sends: broken request lines, headers and framing. */
        private BadRequest rawRequest() {
            String path = pick(new String[] {"/sidebar", "/sidebar/api/match", "/api/v1/crm-events",
                    "/api/v1/notificaties/GM0363", "/sidebar/api/suggest?q=gif", "/" + pick(SLUGS)});
            String auth = "Authorization: Bearer " + sessions.get(random.nextInt(sessions.size())) + "\r\n";
            String[] shapes = {
                    "GET " + path + "\u0000 HTTP/1.1\r\nHost: x\r\n\r\n",
                    "GET " + path + " HTTP/9.9\r\nHost: x\r\n\r\n",
                    "GET " + path + "\r\n\r\n",
                    "G\u00c9T " + path + " HTTP/1.1\r\nHost: x\r\n\r\n",
                    "GET " + path + " HTTP/1.1\r\nHost: x\r\nKopregel zonder dubbele punt\r\n\r\n",
                    "GET " + path + " HTTP/1.1\r\nHost: x\r\nX-Gevouwen: a\r\n  b\r\n\r\n",
                    "GET " + path + " HTTP/1.1\r\nHost: x\r\nX-Lang: " + "a".repeat(20_000) + "\r\n\r\n",
                    "GET " + path + " HTTP/1.1\r\nHost: x\r\n" + "X-Veel: a\r\n".repeat(200) + "\r\n",
                    "GET " + path + " HTTP/1.1\r\nHost: x\r\nX-Stuur: a\u0001b\u007fc\r\n\r\n",
                    "GET " + path + " HTTP/1.1\r\nHost: x\r\nX-Unicode: ñé😀\r\n" + auth + "\r\n",
                    "POST /sidebar/api/match HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\n"
                            + "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n5\r\n{\"a\":\r\n0\r\n\r\n",
                    "POST /sidebar/api/match HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
                    "POST /api/v1/crm-events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                            + "Content-Length: -5\r\n\r\n{}",
                    "POST /api/v1/crm-events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 99999999999999999999999\r\n\r\n{}",
                    "POST /sidebar/api/match HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\n"
                            + "Content-Length: 2\r\n\r\n{}GARBAGE / HTTP/1.1\r\n\r\n",
                    "POST /sidebar/api/match HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\n"
                            + "Transfer-Encoding: gzip, chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
                    "POST /sidebar HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                            + "Content-Length: 20\r\n\r\nlaunch=%zz%zz%zz%zz",
                    "GET " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer\r\n\r\n",
                    "GET " + path + " HTTP/1.1\r\nHost: x\r\nCookie: JSESSIONID=" + "%".repeat(50) + "\r\n\r\n",
                    "GET " + path + " HTTP/1.1\r\nHost: x\r\nRange: bytes=999999999999999-\r\n\r\n",
                    "GET " + path + " HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n\r\n",
                    "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
                    "\r\n\r\n\r\n",
                    new String(bytes(200), StandardCharsets.ISO_8859_1)};
            int shape = random.nextInt(shapes.length);
            // Connection: close keeps each raw exchange to one request.
            String text = shapes[shape].replaceFirst("\r\n", "\r\nConnection: close\r\n");
            return new BadRequest("raw shape " + shape + " " + path, null, text.getBytes(StandardCharsets.ISO_8859_1));
        }

        // --- building blocks --------------------------------------------------------------------------------------

        private BadRequest client(String method, String path, byte[] body, String contentType, List<String> extra) {
            HttpRequest.Builder builder;
            try {
                builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(30));
            } catch (IllegalArgumentException e) {
                return raw(method, path, body);
            }
            List<String> headers = new ArrayList<>(extra);
            if (contentType != null && body != null) {
                headers.addAll(List.of("Content-Type", contentType));
            }
            if (random.nextInt(20) == 0) {
                headers.addAll(List.of("X-Groot", "a".repeat(4000 + random.nextInt(12_000))));
            }
            try {
                for (int i = 0; i < headers.size(); i += 2) {
                    builder.header(headers.get(i), headers.get(i + 1));
                }
                boolean chunked = body != null && random.nextInt(5) == 0;
                builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                                : HttpRequest.BodyPublishers.ofByteArray(body));
                return new BadRequest(method + " " + shorten(path) + (body == null ? "" : " [" + body.length
                        + " bytes" + (chunked ? ", chunked" : "") + "]") + " " + shorten(headers.toString()),
                        builder.build(), null);
            } catch (IllegalArgumentException e) {
                // A header or method the client refuses (control characters, restricted names): raw bytes go anywhere.
                return raw(method, path, body);
            }
        }

        private BadRequest raw(String method, String path, byte[] body) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\n"
                    + (body == null ? "" : "Content-Length: " + body.length + "\r\n") + "\r\n";
            bytes.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                bytes.writeBytes(body);
            }
            return new BadRequest("raw " + method + " " + shorten(path), null, bytes.toByteArray());
        }

        private String method(String usual) {
            return random.nextInt(5) == 0 ? pick(METHODS) : usual;
        }

        private String contentType() {
            return random.nextInt(5) == 0 ? pick(CONTENT_TYPES) : "application/json";
        }

        private String nested(int depth) {
            boolean arrays = random.nextBoolean();
            String open = arrays ? "[" : "{\"a\":";
            String close = arrays ? "]" : "}";
            return open.repeat(depth) + "1" + (random.nextBoolean() ? close.repeat(depth) : "");
        }

        private String sign(String secret, String timestamp, byte[] body) {
            try {
                javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
                mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
                mac.update((byte) '.');
                return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private List<String> words(int n) {
            List<String> words = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                words.add(pick(WORDS));
            }
            return words;
        }

        private String encoded(List<String> words) {
            return URLEncoder.encode(String.join(" ", words), StandardCharsets.UTF_8);
        }

        private String encodedJson(List<String> words) {
            return String.join(" ", words).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                    .replace("\t", "\\t");
        }

        private byte[] text(String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }

        private byte[] bytes(int n) {
            byte[] bytes = new byte[n];
            random.nextBytes(bytes);
            return bytes;
        }

        private String pick(String[] values) {
            return values[random.nextInt(values.length)];
        }

        private int pick(int[] values) {
            return values[random.nextInt(values.length)];
        }

        private String shorten(String text) {
            return text.length() > 120 ? text.substring(0, 120) + "…" : text;
        }
    }
}
