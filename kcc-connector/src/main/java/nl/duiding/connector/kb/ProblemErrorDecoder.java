package nl.duiding.connector.kb;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import feign.Response;
import feign.RetryableException;
import feign.codec.ErrorDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns kb-service's RFC 9457 problem details into typed exceptions: 429 and 5xx become retryable
 * {@link KbUnavailable}s (the retryer decides whether the call is idempotent), 401/403 a non-retryable
 * {@link KbUnavailable} (a configuration fault the sidebar must survive), every other 4xx a {@link KbRejected}.
 */
class ProblemErrorDecoder implements ErrorDecoder {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorDecoder.class);
    private static final int MAX_BODY = 16 * 1024;

    private final JsonMapper json;
    private final KbCredentials credentials;

    ProblemErrorDecoder(JsonMapper json, KbCredentials credentials) {
        this.json = json;
        this.credentials = credentials;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        int status = response.status();
        JsonNode problem = readProblem(response);
        String type = text(problem, "type");
        String title = text(problem, "title");
        String detail = text(problem, "detail");
        if (status == 429 || status >= 500) {
            KbUnavailable cause = new KbUnavailable("kb-service answered " + status + " to " + methodKey, status, null);
            return new RetryableException(status, cause.getMessage(), response.request().httpMethod(), cause,
                    retryAfter(response.headers()), response.request());
        }
        if (status == 401 || status == 403) {
            if (status == 401) {
                // A token kb-service no longer takes, or a key rotated away: the next call starts afresh.
                credentials.refused();
            }
            log.error("kb-service refused the connector's credentials ({} {}) on {}; check the connector's login "
                    + "for kb-service ({})", status, title, methodKey, credentials.describe());
            return new KbUnavailable("kb-service refused the connector's credentials (" + status + ")", status, null);
        }
        return new KbRejected(status, type == null ? "" : type.substring(type.lastIndexOf('/') + 1),
                title == null ? "Verzoek geweigerd" : title,
                detail == null ? "kb-service weigerde het verzoek (" + status + ")." : detail);
    }

    private JsonNode readProblem(Response response) {
        if (response.body() == null) {
            return null;
        }
        try (InputStream in = response.body().asInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY);
            return body.length == 0 ? null : json.readTree(body);
        } catch (IOException | RuntimeException e) {
            // Not a problem detail (a proxy's HTML page, a cut-off body): the status alone decides.
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        if (node == null || !node.hasNonNull(field)) {
            return null;
        }
        return node.get(field).asString();
    }

    /** Retry-After in seconds, as epoch millis for Feign; null when absent or not a number. */
    private static Long retryAfter(Map<String, Collection<String>> headers) {
        Collection<String> values = headers.getOrDefault("Retry-After", headers.get("retry-after"));
        if (values == null || values.isEmpty()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(values.iterator().next().strip());
            return System.currentTimeMillis() + Math.min(seconds, 30) * 1000;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
