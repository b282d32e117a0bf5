package nl.duiding.connector.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real kb-service for end-to-end tests: its packaged jar ({@code duiding.kb.jar}, built earlier in the reactor)
 * runs as a separate process in the local profile against the real Elasticsearch test node
 * ({@code duiding.elasticsearch.url}), with its own index prefix and a users file with a random connector password.
 * One instance is shared by all test classes of a run (JUnit's root store closes it at the end); tests may stop and
 * start it again to play an outage or a restart; the data stays, it lives in Elasticsearch.
 */
public final class KbServiceProcess implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    public static final String USER = "connector";
    /**
     * Editors in the shared instance's users file, with the same password, for tests that publish narratives; with
     * {@code -gm0363} appended, the editors of municipality GM0363.
     */
    public static final String EDITOR = "redacteur";
    public static final String FINAL_EDITOR = "eindredacteur";
    private static final Pattern INDEX_NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");

    private final String prefix;
    private final String password = "pw-" + UUID.randomUUID();
    private final int port = freePort();
    private final Path workDir;
    private final Path log;
    private final String profile;
    private final Map<String, String> environment;
    private final boolean ownsIndices;
    private Process process;

    private KbServiceProcess() throws IOException {
        this("cit-" + UUID.randomUUID().toString().substring(0, 8), "local", Map.of(), true);
        Files.writeString(workDir.resolve("users.properties"), String.join("\n",
                "# test users", USER + "=" + password + ",connector,nationaal",
                "kcc=" + password + ",kcc-medewerker,GM0363",
                EDITOR + "=" + password + ",redacteur,nationaal",
                FINAL_EDITOR + "=" + password + ",eindredacteur,nationaal",
                EDITOR + "-gm0363=" + password + ",redacteur,GM0363",
                FINAL_EDITOR + "-gm0363=" + password + ",eindredacteur,GM0363") + "\n");
    }

    private KbServiceProcess(String prefix, String profile, Map<String, String> environment, boolean ownsIndices)
            throws IOException {
        this.prefix = prefix;
        this.profile = profile;
        this.environment = Map.copyOf(environment);
        this.ownsIndices = ownsIndices;
        workDir = Files.createTempDirectory("kb-service-it");
        log = workDir.resolve("kb-service.log");
    }

    /**
     * A second kb-service in the {@code prod} profile on the same indices as {@code shared} (so the content is there
     * at once): no local users, logins only as {@code environment} configures them (identity provider, API keys).
     * The caller closes it; the indices stay with {@code shared}.
     */
    public static KbServiceProcess production(KbServiceProcess shared, Map<String, String> environment) {
        try {
            KbServiceProcess kb = new KbServiceProcess(shared.prefix, "prod", environment, false);
            kb.start();
            return kb;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** kb-service's log so far, e.g. to check what it recorded about a login. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    /** The shared instance, started on first use. */
    public static KbServiceProcess shared(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(
                KbServiceProcess.class, k -> {
                    try {
                        KbServiceProcess kb = new KbServiceProcess();
                        kb.start();
                        return kb;
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }, KbServiceProcess.class);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String password() {
        return password;
    }

    public String basicAuth() {
        return "Basic " + Base64.getEncoder().encodeToString((USER + ":" + password).getBytes());
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    public synchronized void start() {
        if (running()) {
            return;
        }
        String jar = System.getProperty("duiding.kb.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("kb-service jar not found (" + jar + "); build with -am so the reactor "
                    + "packages kb-service first");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar))
                .directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        var env = builder.environment();
        env.put("SPRING_PROFILES_ACTIVE", profile);
        env.put("DUIDING_KB_PORT", String.valueOf(port));
        env.put("DUIDING_ELASTICSEARCH_URL", elasticsearch());
        env.put("DUIDING_CONTENT_DIR", System.getProperty("duiding.content.dir", "../content"));
        if ("local".equals(profile)) {
            env.put("DUIDING_LOCAL_USERS_FILE", workDir.resolve("users.properties").toString());
        }
        env.put("DUIDING_INDEX_PREFIX", prefix);
        // Tests send far more requests per minute than one KCC; kb-service's own limits have their own tests.
        env.put("DUIDING_RATELIMIT_CONNECTORFACTOR", "1000");
        env.putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start kb-service", e);
        }
        awaitHealthy(Duration.ofSeconds(120));
    }

    /** Stops the process (SIGTERM, then SIGKILL after 20 s), as an outage or the first half of a restart. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** An HTTP call to kb-service as the connector, for probing and checking what kb-service holds. */
    public HttpResponse<String> call(String method, String path, String json) {
        return callAs(USER, method, path, json);
    }

    /** An HTTP call as a user of the shared instance's users file; {@code headers} are name, value pairs. */
    public HttpResponse<String> callAs(String user, String method, String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes())).header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("kb-service exited; see " + log + ":\n" + tail());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not yet listening
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("kb-service not healthy within " + timeout + "; see " + log + ":\n" + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    public static String elasticsearch() {
        return System.getProperty("duiding.elasticsearch.url", "http://127.0.0.1:9250").split(",")[0].strip();
    }

    @Override
    public void close() {
        stop();
        if (ownsIndices) {
            deleteIndices();
        }
    }

    private void deleteIndices() {
        HttpClient http = HttpClient.newHttpClient();
        try {
            String indices = es(http, "GET", "/_cat/indices/" + prefix + "-*?h=index&expand_wildcards=all");
            for (String index : indices.split("\\s+")) {
                if (!index.isBlank()) {
                    es(http, "DELETE", "/" + index.strip());
                }
            }
            Matcher m = INDEX_NAME.matcher(es(http, "GET", "/_index_template/" + prefix + "-*"));
            while (m.find()) {
                es(http, "DELETE", "/_index_template/" + m.group(1));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot clean up " + prefix + "-*", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String es(HttpClient http, String method, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(elasticsearch() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 404 ? "" : r.body();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
