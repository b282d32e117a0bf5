package nl.duiding.kb.web;

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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.duiding.kb.narrative.Narrative;
import nl.duiding.kb.narrative.NarrativeKey;
import nl.duiding.kb.narrative.NarrativeWorkflow;
import nl.duiding.kb.narrative.TenantCode;
import nl.duiding.kb.narrative.WorkflowAction;
import nl.duiding.kb.security.AccessMatrix;
import nl.duiding.kb.support.IsolatedIndices;
import nl.duiding.kb.support.NarrativeSamples;
import nl.duiding.kb.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * At least 10,000 generated bad requests against kb-service on a real port with the real Elasticsearch node: random
 * methods, addresses (from the access matrix, with broken slugs, encodings and parameters), headers, credentials and
 * bodies (broken JSON, wrong types, huge numbers, unicode, control characters, deep nesting, wrong content types,
 * oversized, chunked), some as raw bytes that no HTTP client would send. No answer may be a 5xx, and none may carry a
 * stack trace, an exception's class name or a server version.
 *
 * <p>Every request is made from {@code new Random(seed, index)} alone, so a failure reported as "#1234" comes back
 * with the same seed whatever the threads did: {@code -Dduiding.fuzz.seed=… -Dduiding.fuzz.requests=…}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FuzzIT {

    @RegisterExtension
    static final IsolatedIndices INDICES = new IsolatedIndices();
    private static final long SEED = Long.getLong("duiding.fuzz.seed", 20261126L);
    private static final int REQUESTS = Integer.getInteger("duiding.fuzz.requests", 10_000);
    private static final Duration TIME_LIMIT = Duration.ofMinutes(10);
    private static final int THREADS = 4;
    private static final int BODY_LIMIT = 64 * 1024;

    /** What must never reach a caller: stack frames, exception classes, our packages and libraries, server versions. */
    private static final Pattern LEAK = Pattern.compile(
            "(?m)^\\s*at [\\w$.]+\\(|\\w+(Exception|Error)\\b|java\\.(lang|io|util)|jakarta\\.|"
                    + "org\\.(springframework|apache|thymeleaf|slf4j)|tools\\.jackson|com\\.fasterxml|co\\.elastic|"
                    + "nl\\.duiding|Apache Tomcat|Whitelabel|\"trace\"\\s*:");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        INDICES.registerWithTestUsers(registry);
        registry.add("duiding.content.import-on-start", () -> "false");
        registry.add("duiding.content.dir", () -> temporaryDirectory("duiding-fuzz-content").toString());
        registry.add("duiding.content.export-dir", () -> temporaryDirectory("duiding-fuzz-export").toString());
        registry.add("duiding.api.max-body-size", () -> BODY_LIMIT / 1024 + "KB");
        registry.add("server.address", () -> "127.0.0.1");
        for (String limit : List.of("match", "suggest", "login", "documents")) {
            registry.add("duiding.rate-limit." + limit, () -> "1000000");
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    NarrativeWorkflow workflow;
    @Autowired
    JsonMapper json;

    private HttpClient http;
    private final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger unanswered = new AtomicInteger();

    @Test
    void answersTenThousandBadRequestsWithoutA5xxOrALeak() throws Exception {
        publish(NarrativeSamples.narrative("fuzz-een"));
        publish(NarrativeSamples.narrative("fuzz-twee", new TenantCode("GM0363"), "Lokaal gerucht"));
        String narrativeJson = json.writeValueAsString(NarrativeSamples.narrative("fuzz-nieuw"));
        List<Session> sessions = List.of(Session.login(port, TestUsers.REDACTEUR),
                Session.login(port, TestUsers.EINDREDACTEUR), Session.login(port, TestUsers.BEHEERDER));
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
                    Generator generator = new Generator(new Random(SEED * 1_000_003L + index), narrativeJson, sessions);
                    send(index, generator.next());
                    sent.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(TIME_LIMIT.toMinutes() + 1, TimeUnit.MINUTES)).isTrue();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Fuzz: %d requests (seed %d) in %.1f s with %d threads; statuses %s (0: HTTP/0.9 answer "
                        + "without status line); %d without answer%n",
                sent.get(), SEED, seconds, THREADS, new TreeMap<>(statuses), unanswered.get());

        assertThat(failures).as("answers with a 5xx or a leak (seed %d)", SEED).isEmpty();
        assertThat(sent.get()).as("requests sent within %s", TIME_LIMIT).isEqualTo(REQUESTS);
        // The mix reaches the endpoints, not only the front door.
        assertThat(statuses.keySet()).contains(200, 400, 401, 403, 404, 413, 415);
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
        // The container's own answers to a request it cannot speak (RFC 9112): 501 for an unknown transfer coding,
        // 505 for an unknown HTTP version. They come before kb-service sees anything and say nothing about it.
        boolean protocolAnswer = request.raw() != null && (status == 501 || status == 505);
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

    private void publish(Narrative narrative) {
        NarrativeKey key = NarrativeKey.of(narrative);
        var saved = workflow.create(narrative, TestUsers.REDACTEUR);
        saved = workflow.transition(key, WorkflowAction.SUBMIT, saved.tag(), TestUsers.REDACTEUR);
        workflow.transition(key, WorkflowAction.PUBLISH, saved.tag(), TestUsers.EINDREDACTEUR);
    }

    private static java.nio.file.Path temporaryDirectory(String name) {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory(name);
            java.nio.file.Files.createDirectories(dir.resolve("narratives"));
            return dir;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One generated request: through the HTTP client, or as raw bytes on a socket. */
    private record BadRequest(String description, HttpRequest http, byte[] raw) {
    }

    /** A logged-in editor page session: its cookie and CSRF token. */
    private record Session(String cookie, String csrf) {

        static Session login(int port, String user) throws Exception {
            HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            String base = "http://127.0.0.1:" + port;
            HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create(base + "/redactie/inloggen"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String cookie = cookie(form);
            String token = find(form.body(), "name=\"_csrf\" value=\"([^\"]+)\"");
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/redactie/inloggen"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
                            + TestUsers.PASSWORD + "&_csrf=" + token)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as("login of " + user).isEqualTo(302);
            String session = cookie(login);
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/redactie/uitwisseling"))
                    .header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString());
            return new Session(session, find(page.body(), "name=\"_csrf\" content=\"([^\"]+)\""));
        }

        private static String cookie(HttpResponse<?> response) {
            return response.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        }

        private static String find(String text, String regex) {
            Matcher m = Pattern.compile(regex).matcher(text);
            assertThat(m.find()).as("pattern %s in page", regex).isTrue();
            return m.group(1);
        }
    }

    /** Makes one bad request from its own random source. */
    private final class Generator {

        private static final String[] METHODS = {"GET", "GET", "GET", "POST", "POST", "POST", "POST", "PUT", "PUT",
                "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "PROPFIND", "FOO"};
        private static final String[] SLUGS = {"fuzz-een", "fuzz-twee", "fuzz-nieuw", "bestaat-niet", "a", "",
                "Hoofdletters", "café", "%00", "..", "%2e%2e", "..%2f..%2fetc", "%2F", "a%2Fb", "%ff%fe", "%zz",
                "<script>alert(1)</script>", "' OR 1=1 --", "💥", "\u202Eevil", "a;jsessionid=1", "x".repeat(300),
                "-", "a--b", "0", "-1", "99999999999999999999", "null", "${jndi:ldap://127.0.0.1/a}", "%u0000",
                "~root", "a b", "a+b", "*", "?", "#"};
        private static final String[] CONTENT_TYPES = {"application/json", "application/json; charset=utf-8",
                "application/json; charset=utf-16", "application/json; charset=geen-tekenset", "application/json;;;",
                "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data",
                "multipart/form-data; boundary=grens", "application/problem+json", "a/b/c", "", "*/*",
                "application/ld+json", "application/octet-stream", "text/html; charset=utf-8", "application/json\u00e9"};
        private static final String[] ACCEPTS = {"*/*", "application/json", "text/html", "application/xml",
                "application/ld+json", "image/png", "garbage", "", "application/json;q=0, */*;q=0",
                "application/problem+json", "text/event-stream"};
        private static final String[] WORDS = {"gif", "vliegtuigen", "5G", "zendmast", "chemtrails", "stemmen",
                "gemeente", "belastingen", "soeverein", "azc", "wanneer", "grofvuil", "ziek", "straling", "vaccin",
                "ä", "ß", "€", "😀", "\u200B", "\u0301", "\uFEFF", "\u202E", "\\", "\"", "'", "<", ">", "&", "%",
                "{", "}", "[", "]", ":", ",", "\\u0000", "\\ud800", "\t", "\n"};

        private final Random random;
        private final String narrativeJson;
        private final List<Session> sessions;

        Generator(Random random, String narrativeJson, List<Session> sessions) {
            this.random = random;
            this.narrativeJson = narrativeJson;
            this.sessions = sessions;
        }

        BadRequest next() {
            return random.nextInt(10) == 0 ? rawRequest() : clientRequest();
        }

        private BadRequest clientRequest() {
            String method = pick(METHODS);
            String path = path();
            Body body = body(method);
            HttpRequest.Builder builder;
            try {
                builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(30));
            } catch (IllegalArgumentException e) {
                // Not a URI the client accepts: send it raw instead.
                return raw(method, path, body);
            }
            List<String> headers = headers(path, body);
            try {
                for (int i = 0; i < headers.size(); i += 2) {
                    builder.header(headers.get(i), headers.get(i + 1));
                }
                HttpRequest.BodyPublisher publisher = body.bytes == null ? HttpRequest.BodyPublishers.noBody()
                        : body.chunked
                                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body.bytes))
                                : HttpRequest.BodyPublishers.ofByteArray(body.bytes);
                builder.method(method, publisher);
                return new BadRequest(method + " " + shorten(path) + " [" + body.kind + "] " + shorten(headers
                        .toString()), builder.build(), null);
            } catch (IllegalArgumentException e) {
                // A header value the client refuses (control characters): raw bytes go anywhere.
                return raw(method, path, body);
            }
        }

        private BadRequest raw(String method, String path, Body body) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\n"
                    + (body.bytes == null ? "" : "Content-Length: " + body.bytes.length + "\r\n") + "\r\n";
            bytes.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            if (body.bytes != null) {
                bytes.writeBytes(body.bytes);
            }
            return new BadRequest("raw " + method + " " + shorten(path) + " [" + body.kind + "]", null,
                    bytes.toByteArray());
        }

        /** Requests no well-behaved client sends: broken request lines, headers and framing. */
        private BadRequest rawRequest() {
            String path = path();
            String auth = "Authorization: Basic " + basic(TestUsers.REDACTEUR, TestUsers.PASSWORD) + "\r\n";
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
                    "POST /api/v1/match HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\n"
                            + "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n5\r\n{\"a\":\r\n0\r\n\r\n",
                    "POST /api/v1/match HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
                    "POST /api/v1/match HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\n"
                            + "Content-Length: -5\r\n\r\n{}",
                    "POST /api/v1/match HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\n"
                            + "Content-Length: 99999999999999999999999\r\n\r\n{}",
                    "POST /api/v1/match HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\n"
                            + "Content-Length: 2\r\n\r\n{}GARBAGE / HTTP/1.1\r\n\r\n",
                    "POST /api/v1/match HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\n"
                            + "Transfer-Encoding: gzip, chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
                    "GET " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Basic " + "\u00ff".repeat(20) + "\r\n\r\n",
                    "GET " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer\r\n\r\n",
                    "GET " + path + " HTTP/1.1\r\nHost: x\r\nCookie: JSESSIONID=" + "%".repeat(50) + "\r\n\r\n",
                    "GET " + path + " HTTP/1.1\r\nHost: x\r\nRange: bytes=999999999999999-\r\n\r\n",
                    "GET " + path + " HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n\r\n",
                    "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
                    "\r\n\r\n\r\n",
                    new String(bytes(200), StandardCharsets.ISO_8859_1)};
            int shape = random.nextInt(shapes.length);
            String text = shapes[shape];
            // Connection: close keeps each raw exchange to one request.
            text = text.replaceFirst("\r\n", "\r\nConnection: close\r\n");
            return new BadRequest("raw shape " + shape + " " + shorten(path), null,
                    text.getBytes(StandardCharsets.ISO_8859_1));
        }

        private String path() {
            int kind = random.nextInt(10);
            if (kind == 0) {
                return "/" + String.join("/", randomWords(1 + random.nextInt(4))).replace(" ", "%20");
            }
            if (kind == 1) {
                return pick(new String[] {"/api/v1/narratives/" + pick(SLUGS) + "/revisions/" + number(),
                        "/redactie/verhalen/" + pick(SLUGS) + "/geschiedenis/" + number() + "/terugzetten",
                        "/api/v1/openapi.json/" + pick(SLUGS), "//api//v1//match", "/api/v1/match/",
                        "/api/v1/./match", "/api/v1/narratives/../content/export.zip", "/error", "/actuator/env",
                        "/actuator/heapdump", "/api/v1/narratives;x=y", "/API/V1/MATCH", "/redactie/assets/../x",
                        "/redactie/assets/" + pick(SLUGS)});
            }
            AccessMatrix.Rule rule = AccessMatrix.rules().get(random.nextInt(AccessMatrix.rules().size()));
            String path = rule.pattern().replaceAll("\\{version[^}]*}", random.nextBoolean() ? "1" : number())
                    .replace("{slug}", pick(SLUGS)).replace("/**", "/" + pick(SLUGS));
            return random.nextInt(3) == 0 ? path : path + "?" + query();
        }

        private String query() {
            String[] names = {"q", "page", "size", "category", "status", "tenant", "risk", "from", "to", "actor",
                    "action", "van", "tot", "fout", "x", "q", "q"};
            StringBuilder query = new StringBuilder();
            int n = 1 + random.nextInt(4);
            for (int i = 0; i < n; i++) {
                query.append(i == 0 ? "" : "&").append(pick(names)).append('=').append(pick(new String[] {
                        "", "0", "-1", "1", "2147483648", "99999999999999999999", "1e9", "NaN", "GM0363", "GM99999",
                        "nationaal", "2026-11-26", "2026-13-45", "2026-11-26T09:00:00Z", "%zz", "%00", "%E2%82%AC",
                        "a".repeat(600), "concept", "lokaal-incident", "hoog", "<b>", "%0d%0aX-Kop:%20ja",
                        String.join("+", randomWords(3))}));
            }
            return query.toString();
        }

        private List<String> headers(String path, Body body) {
            List<String> headers = new ArrayList<>();
            boolean page = path.startsWith("/redactie") || path.equals("/");
            int who = random.nextInt(10);
            if (page && who < 6) {
                Session session = sessions.get(random.nextInt(sessions.size()));
                headers.addAll(List.of("Cookie", session.cookie()));
                if (random.nextInt(4) > 0) {
                    headers.addAll(List.of("X-CSRF-TOKEN", session.csrf()));
                }
            } else if (who < 6) {
                String[] users = {TestUsers.KCC, TestUsers.REDACTEUR, TestUsers.EINDREDACTEUR, TestUsers.ANALIST,
                        TestUsers.BEHEERDER, TestUsers.CONNECTOR, TestUsers.REDACTEUR_AMSTERDAM};
                headers.addAll(List.of("Authorization", "Basic " + basic(pick(users), TestUsers.PASSWORD)));
            } else if (who < 8) {
                headers.addAll(List.of("Authorization", pick(new String[] {"Basic " + basic("kcc", "fout"),
                        "Basic !!!", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "Bearer " + "a".repeat(5000),
                        "Basic", "Negotiate abc", "Basic " + basic("", ""), "Basic " + basic("a:b:c", ":")})));
            }
            if (body.contentType != null && random.nextInt(6) > 0) {
                headers.addAll(List.of("Content-Type", body.contentType));
            } else if (random.nextBoolean()) {
                headers.addAll(List.of("Content-Type", pick(CONTENT_TYPES)));
            }
            if (random.nextBoolean()) {
                headers.addAll(List.of("Accept", pick(ACCEPTS)));
            }
            if (random.nextInt(3) == 0) {
                headers.addAll(List.of("If-Match", pick(new String[] {"\"1-1\"", "*", "W/\"1-1\"", "\"", "x",
                        "\"99999999999999999999-1\"", "\"-1--1\"", ""})));
            }
            if (random.nextInt(8) == 0) {
                headers.addAll(List.of("X-Api-Key", String.join("", randomWords(4))));
            }
            if (random.nextInt(10) == 0) {
                headers.addAll(List.of("X-Forwarded-For", "127.0.0.1, " + random.nextInt(256) + ".0.0.1",
                        "Accept-Language", "nl;q=2,*;q=-1", "Accept-Encoding", "gzip;q=x, br"));
            }
            if (random.nextInt(20) == 0) {
                headers.addAll(List.of("X-Groot", "a".repeat(4000 + random.nextInt(12_000))));
            }
            return headers;
        }

        private record Body(String kind, byte[] bytes, String contentType, boolean chunked) {
        }

        private Body body(String method) {
            if (!method.equals("POST") && !method.equals("PUT") && !method.equals("PATCH") && random.nextInt(5) > 0) {
                return new Body("geen", null, null, false);
            }
            boolean chunked = random.nextInt(6) == 0;
            int kind = random.nextInt(14);
            String json = "application/json";
            return switch (kind) {
                case 0 -> new Body("afgebroken", text(truncate(narrativeJson)), json, chunked);
                case 1 -> new Body("verkeerde types", text(wrongTypes()), json, chunked);
                case 2 -> new Body("grote getallen", text("{\"text\": " + pick(new String[] {"1e999999",
                        "123456789012345678901234567890123456789", "-0", "NaN", "Infinity", "0x1F", "1.7976931348623157e309",
                        "9".repeat(5000)}) + ", \"channel\": 1e400, \"size\": 99999999999999999999}"), json, chunked);
                case 3 -> new Body("diep genest", text(nested(pick(new int[] {50, 600, 2000, 20_000}))), json,
                        chunked);
                case 4 -> new Body("unicode", text("{\"text\": \"" + String.join(" ", randomWords(40))
                        + "\\ud800\\udfff\\ud800 \u0000\u0008\", \"channel\": \"chat\", \"tenant\": \"GM0363\"}"), json,
                        chunked);
                case 5 -> new Body("stuurtekens", text("{\"text\": \"a\u0000b\u0001c\u001bd\"}"), json, chunked);
                case 6 -> new Body("te groot", bytes(BODY_LIMIT + 1 + random.nextInt(BODY_LIMIT)), json,
                        random.nextBoolean());
                case 7 -> new Body("binair", bytes(1 + random.nextInt(2000)), pick(CONTENT_TYPES), chunked);
                case 8 -> new Body("formulier", text(form()), "application/x-www-form-urlencoded", chunked);
                case 9 -> new Body("multipart", text("--grens\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n"
                        + String.join(" ", randomWords(10)) + "\r\n--grens--\r\n" + (random.nextBoolean() ? ""
                        : "x".repeat(BODY_LIMIT + 10))), "multipart/form-data; boundary=grens", chunked);
                case 10 -> new Body("dubbel en onbekend", text("{\"text\": \"a\", \"text\": \"b\", \""
                        + String.join("", randomWords(1)).replaceAll("[^a-z]", "x") + "\": true}"), json, chunked);
                case 11 -> new Body("leeg", new byte[0], json, chunked);
                case 12 -> new Body("verhaal met fouten", text(narrativeJson.replace("\"telefoon\"", "\"fax\"")
                        .replace("lokaal-incident", pick(new String[] {"", "complot", "LOKAAL-INCIDENT"}))), json,
                        chunked);
                default -> new Body("match", text("{\"text\": \"" + String.join(" ", randomWords(1 + random.nextInt(60)))
                        .replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t")
                        + "\", \"channel\": \"" + pick(new String[] {"chat", "telefoon", "fax", "", "CHAT"})
                        + "\", \"tenant\": \"" + pick(new String[] {"GM0363", "GM0599", "nationaal", "x", ""}) + "\"}"),
                        json, chunked);
            };
        }

        private String wrongTypes() {
            String[] values = {"1", "true", "null", "[]", "{}", "[1, 2]", "{\"a\": {}}", "\"\"", "-1", "[[[]]]"};
            String[] fields = {"text", "channel", "tenant", "slug", "title", "summary", "category", "tags", "risk",
                    "triggers", "scripts", "sources", "reviewBy", "validFrom", "related", "background", "playbook"};
            StringBuilder body = new StringBuilder("{");
            int n = 1 + random.nextInt(6);
            for (int i = 0; i < n; i++) {
                body.append(i == 0 ? "" : ",").append('"').append(pick(fields)).append("\": ").append(pick(values));
            }
            return random.nextBoolean() ? body.append('}').toString() : pick(values);
        }

        private String nested(int depth) {
            boolean arrays = random.nextBoolean();
            String open = arrays ? "[" : "{\"a\":";
            String close = arrays ? "]" : "}";
            return open.repeat(depth) + "1" + (random.nextBoolean() ? close.repeat(depth) : "");
        }

        private String form() {
            String[] names = {"title", "summary", "slug", "background", "triggers", "etag", "tekst", "verhaal",
                    "scripts.telefoon.coreMessage", "sources[0].url", "sources[99999].title", "referral[-1].to",
                    "_csrf", "username", "password", "x"};
            StringBuilder form = new StringBuilder();
            int n = 1 + random.nextInt(8);
            for (int i = 0; i < n; i++) {
                form.append(i == 0 ? "" : "&").append(pick(names)).append('=').append(pick(new String[] {
                        "", "%zz", "%00", "a".repeat(3000), String.join("+", randomWords(8)), "%E2%82%AC", "&&&", "="}));
            }
            return form.toString();
        }

        private String truncate(String text) {
            return text.substring(0, random.nextInt(text.length()));
        }

        private byte[] text(String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }

        private byte[] bytes(int n) {
            byte[] bytes = new byte[n];
            random.nextBytes(bytes);
            return bytes;
        }

        private List<String> randomWords(int n) {
            List<String> words = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                words.add(pick(WORDS));
            }
            return words;
        }

        private String number() {
            return pick(new String[] {"0", "-1", "1", "2", "2147483648", "99999999999999999999", "1.5", "abc", "%20"});
        }

        private String pick(String[] values) {
            return values[random.nextInt(values.length)];
        }

        private int pick(int[] values) {
            return values[random.nextInt(values.length)];
        }

        private String basic(String user, String password) {
            return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        private String shorten(String text) {
            return text.length() > 120 ? text.substring(0, 120) + "…" : text;
        }
    }
}
