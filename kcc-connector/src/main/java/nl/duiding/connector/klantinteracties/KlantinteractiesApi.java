package nl.duiding.connector.klantinteracties;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.duiding.connector.tenant.TenantProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP towards one tenant's Klantinteracties API, with {@code Authorization: Token …}, timeouts, and retries with
 * exponential backoff on 429, 5xx and timeouts (honouring Retry-After up to a limit). Only URLs under the
 * configured base URL are ever requested, whatever a {@code next} link or a notification says.
 */
class KlantinteractiesApi {

    private static final Logger log = LoggerFactory.getLogger(KlantinteractiesApi.class);
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final TenantProperties.Klantinteracties config;
    private final String base;
    private final HttpClient http;
    private final JsonMapper json;
    private final Duration firstBackoff;

    KlantinteractiesApi(TenantProperties.Klantinteracties config, JsonMapper json, Duration firstBackoff) {
        this.config = config;
        String b = config.baseUrl().toString();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        this.json = json;
        this.firstBackoff = firstBackoff;
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    URI firstPage() {
        return URI.create(base + "/klantcontacten?expand=hadBetrokkenen&page=1&pageSize="
                + Math.clamp(config.pageSize(), 1, 500));
    }

    /** True for URLs on the tenant's own API: same scheme, host, port and under the base path. */
    boolean ownsUrl(URI url) {
        return url != null && url.toString().startsWith(base + "/") && !url.toString().contains("/../")
                && url.getUserInfo() == null;
    }

    JsonNode get(URI url) {
        return send(url, "GET", null);
    }

    JsonNode post(String path, String body) {
        return send(URI.create(base + path), "POST", body);
    }

    private JsonNode send(URI url, String method, String body) {
        if (!ownsUrl(url)) {
            throw new CrmFailure(CrmFailure.Kind.PAGINERING, "refusing URL outside the configured API: " + url);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(config.readTimeout())
                .header("Accept", "application/json")
                .header("Authorization", "Token " + (config.token() == null ? "" : config.token().value()));
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        int attempts = Math.max(1, config.maxAttempts());
        Duration backoff = firstBackoff;
        for (int attempt = 1; ; attempt++) {
            String problem;
            Duration wait = backoff;
            try {
                HttpResponse<String> response = http.send(request.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return parse(url, response.body());
                }
                if (status == 401 || status == 403) {
                    throw new CrmFailure(CrmFailure.Kind.TOKEN_GEWEIGERD, method + " " + path(url) + ": " + status);
                }
                if (status == 404) {
                    throw new CrmFailure(CrmFailure.Kind.NIET_GEVONDEN, method + " " + path(url) + ": 404");
                }
                if (status != 429 && status < 500) {
                    throw new CrmFailure(CrmFailure.Kind.ONGELDIG_ANTWOORD, method + " " + path(url) + ": " + status);
                }
                problem = String.valueOf(status);
                wait = retryAfter(response).orElse(backoff);
            } catch (HttpTimeoutException e) {
                problem = "timeout";
            } catch (IOException e) {
                problem = connectionProblem(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CrmFailure(CrmFailure.Kind.NIET_BESCHIKBAAR, "interrupted", e);
            }
            if (attempt >= attempts) {
                throw new CrmFailure(CrmFailure.Kind.NIET_BESCHIKBAAR,
                        method + " " + path(url) + ": " + problem + " after " + attempts + " attempts");
            }
            log.info("Klantinteracties {} {} answered {}; attempt {} of {} in {} ms", method, path(url), problem,
                    attempt + 1, attempts, wait.toMillis());
            sleep(wait);
            backoff = backoff.multipliedBy(2);
        }
    }

    /**
     * A failed connection in words: the report is shown in the connector's health, which answers anyone, so it names
     * no exception class.
     */
    private static String connectionProblem(IOException e) {
        if (e instanceof java.net.ConnectException) {
            return "geen verbinding";
        }
        if (e instanceof java.net.UnknownHostException) {
            return "onbekende host";
        }
        if (e instanceof javax.net.ssl.SSLException) {
            return "TLS-fout";
        }
        return "verbinding verbroken";
    }

    private JsonNode parse(URI url, String body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw new CrmFailure(CrmFailure.Kind.ONGELDIG_ANTWOORD, path(url) + ": not a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new CrmFailure(CrmFailure.Kind.ONGELDIG_ANTWOORD, path(url) + ": malformed JSON", e);
        }
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                Duration d = Duration.ofSeconds(Long.parseLong(v.strip()));
                return Optional.of(d.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : d);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** The path without query: query strings can carry search terms, which are not for logs. */
    private static String path(URI url) {
        return url.getPath();
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CrmFailure(CrmFailure.Kind.NIET_BESCHIKBAAR, "interrupted", e);
        }
    }
}
