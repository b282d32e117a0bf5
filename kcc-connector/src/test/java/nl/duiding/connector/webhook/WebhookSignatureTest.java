package nl.duiding.connector.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import nl.duiding.connector.tenant.Secret;

class WebhookSignatureTest {

    private static final Secret SECRET = new Secret("webhook-secret-with-enough-bytes-123");
    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
    private static final byte[] BODY = "{\"source\":\"zendesk\",\"events\":[]}".getBytes(StandardCharsets.UTF_8);

    @Test
    void acceptsItsOwnSignatureWithinTheWindow() {
        String ts = String.valueOf(NOW.minusSeconds(100).getEpochSecond());

        assertThat(WebhookSignature.valid(SECRET, ts, WebhookSignature.sign(SECRET, ts, BODY), BODY, NOW,
                Duration.ofMinutes(5))).isTrue();
    }

    @Test
    void refusesAChangedBodyAnotherTimestampOrAnOldRequest() {
        String ts = String.valueOf(NOW.getEpochSecond());
        String signature = WebhookSignature.sign(SECRET, ts, BODY);

        assertThat(WebhookSignature.valid(SECRET, ts, signature, "{}".getBytes(StandardCharsets.UTF_8), NOW,
                Duration.ofMinutes(5))).isFalse();
        assertThat(WebhookSignature.valid(SECRET, String.valueOf(NOW.getEpochSecond() + 1), signature, BODY, NOW,
                Duration.ofMinutes(5))).isFalse();
        assertThat(WebhookSignature.valid(SECRET, ts, signature, BODY, NOW.plus(Duration.ofMinutes(6)),
                Duration.ofMinutes(5))).isFalse();
        assertThat(WebhookSignature.valid(SECRET, "gisteren", signature, BODY, NOW, Duration.ofMinutes(5))).isFalse();
        assertThat(signature).startsWith("sha256=").hasSize(7 + 64);
    }
}
