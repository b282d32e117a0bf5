package nl.duiding.connector.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import feign.Request;
import feign.Response;
import feign.RetryableException;
import tools.jackson.databind.json.JsonMapper;

class ProblemErrorDecoderTest {

    private final java.util.concurrent.atomic.AtomicInteger refusals = new java.util.concurrent.atomic.AtomicInteger();
    private final ProblemErrorDecoder decoder = new ProblemErrorDecoder(JsonMapper.builder().build(),
            new KbCredentials() {
                @Override
                public void apply(feign.RequestTemplate template) {
                }

                @Override
                public String describe() {
                    return "test";
                }

                @Override
                public void refused() {
                    refusals.incrementAndGet();
                }
            });

    private static Response response(int status, String body, Map<String, Collection<String>> headers) {
        Request request = Request.create(Request.HttpMethod.POST, "http://kb/api/v1/match", Map.of(), null,
                StandardCharsets.UTF_8, null);
        return Response.builder().status(status).request(request).headers(headers)
                .body(body, StandardCharsets.UTF_8).build();
    }

    @Test
    void turnsABadRequestProblemIntoARejectionWithItsDutchText() {
        Exception e = decoder.decode("match", response(400, "{\"type\":\"https://duiding.nl/problemen/onbekend-kanaal\","
                + "\"title\":\"Onbekend kanaal\",\"detail\":\"Kanaal moet telefoon, balie, email, chat of brief zijn.\","
                + "\"status\":400}", Map.of()));

        assertThat(e).isInstanceOfSatisfying(KbRejected.class, r -> {
            assertThat(r.type()).isEqualTo("onbekend-kanaal");
            assertThat(r.title()).isEqualTo("Onbekend kanaal");
            assertThat(r.detail()).startsWith("Kanaal moet");
        });
    }

    @Test
    void makesOverloadAndServerErrorsRetryable() {
        Exception busy = decoder.decode("match", response(429, "", Map.of("Retry-After", List.of("2"))));
        Exception broken = decoder.decode("match", response(503, "<html>proxy</html>", Map.of()));

        assertThat(busy).isInstanceOf(RetryableException.class).hasCauseInstanceOf(KbUnavailable.class);
        assertThat(((RetryableException) busy).retryAfter()).isNotNull();
        assertThat(broken).isInstanceOf(RetryableException.class);
        assertThat(KbFailures.classify(broken)).isInstanceOf(KbUnavailable.class);
    }

    @Test
    void treatsRefusedCredentialsAsAnOutageNotAsABadRequest() {
        assertThat(decoder.decode("match", response(401, "{\"title\":\"Niet ingelogd\"}", Map.of())))
                .isInstanceOf(KbUnavailable.class);
        // A refused token or key is dropped, so the next call fetches or reads the current one.
        assertThat(refusals).hasValue(1);
        assertThat(decoder.decode("match", response(403, "{\"title\":\"Geen toegang\"}", Map.of())))
                .isInstanceOf(KbUnavailable.class);
        assertThat(refusals).hasValue(1);
        assertThat(decoder.decode("match", response(404, "not json", Map.of())))
                .isInstanceOfSatisfying(KbRejected.class, r -> assertThat(r.title()).isEqualTo("Verzoek geweigerd"));
    }
}
