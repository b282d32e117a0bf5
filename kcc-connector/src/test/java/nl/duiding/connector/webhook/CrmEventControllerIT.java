package nl.duiding.connector.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.duiding.connector.support.KbServiceExtension;
import nl.duiding.connector.support.KbServiceProcess;

/**
 * {@code POST /api/v1/crm-events} and {@code POST /api/v1/crm-erasures} over real HTTP with real HMAC signatures, and
 * kb-service as it is.
 */
@ExtendWith(KbServiceExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CrmEventControllerIT {

    @LocalServerPort
    int port;

    private WebhookClient client() {
        return new WebhookClient(port);
    }

    private static String payload(String... events) {
        return "{\"source\":\"salesforce\",\"events\":[" + String.join(",", events) + "]}";
    }

    @Test
    void refusesABadSignatureWith401() throws Exception {
        String body = payload(WebhookClient.event("a1", "telefoon", "5G maakt ons ziek", false));

        HttpResponse<String> wrongKey = client().send(KbServiceExtension.TENANT, "another-secret-of-32-characters!!",
                Instant.now(), body);
        HttpResponse<String> tampered = client().raw(KbServiceExtension.TENANT,
                String.valueOf(Instant.now().getEpochSecond()), "sha256=" + "0".repeat(64), body);
        HttpResponse<String> unsigned = client().raw(KbServiceExtension.TENANT, null, null, body);
        HttpResponse<String> unknownTenant = client().send("GM0599", KbServiceExtension.webhookSecret(),
                Instant.now(), body);

        assertThat(wrongKey.statusCode()).isEqualTo(401);
        assertThat(tampered.statusCode()).isEqualTo(401);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unknownTenant.statusCode()).isEqualTo(401);
        assertThat(wrongKey.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
        assertThat(wrongKey.body()).contains("Ongeldige handtekening").doesNotContain("Exception");
    }

    @Test
    void refusesAReplayOutsideTheWindow() throws Exception {
        String body = payload(WebhookClient.event("a2", "telefoon", "5G maakt ons ziek", false));

        HttpResponse<String> old = client().send(KbServiceExtension.TENANT, KbServiceExtension.webhookSecret(),
                Instant.now().minus(Duration.ofMinutes(6)), body);
        HttpResponse<String> future = client().send(KbServiceExtension.TENANT, KbServiceExtension.webhookSecret(),
                Instant.now().plus(Duration.ofMinutes(6)), body);

        assertThat(old.statusCode()).isEqualTo(401);
        assertThat(future.statusCode()).isEqualTo(401);
    }

    @Test
    void answersABadPayloadWithAProblemNamingTheFields() throws Exception {
        String secret = KbServiceExtension.webhookSecret();

        HttpResponse<String> notJson = client().send(KbServiceExtension.TENANT, secret, Instant.now(), "{\"events\":[");
        HttpResponse<String> badFields = client().send(KbServiceExtension.TENANT, secret, Instant.now(),
                "{\"source\":\"Sales Force!\",\"events\":[{\"id\":\"x\",\"occurredAt\":\"gisteren\",\"channel\":"
                        + "\"duif\"},{\"id\":\"x\",\"occurredAt\":\"2026-11-26T09:00:00Z\",\"channel\":\"chat\","
                        + "\"text\":\"hallo\"}]}");
        String tooMany = payload(IntStream.range(0, 1001)
                .mapToObj(i -> WebhookClient.event("m" + i, "chat", "vraag", false)).toArray(String[]::new));
        HttpResponse<String> overLimit = client().send(KbServiceExtension.TENANT, secret, Instant.now(), tooMany);

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("geen geldige JSON");
        assertThat(badFields.statusCode()).isEqualTo(400);
        assertThat(badFields.body()).contains("\"field\":\"source\"", "\"field\":\"events[0].occurredAt\"",
                "\"field\":\"events[0].channel\"", "\"field\":\"events[0].text\"", "\"field\":\"events[1].id\"");
        assertThat(overLimit.statusCode()).isEqualTo(400);
        assertThat(overLimit.body()).contains("maximaal 1000");
    }

    @Test
    void passesSignedEventsOnOnceAndLeavesConfidentialOnesOut(KbServiceProcess kb) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String body = payload(WebhookClient.event(run + "-1", "telefoon", "De 5G-mast maakt kinderen ziek", false),
                WebhookClient.event(run + "-2", "email", "Vliegtuigen sproeien gif", false),
                WebhookClient.event(run + "-3", "balie", "Vertrouwelijke melding", true));

        HttpResponse<String> first = client().send(KbServiceExtension.TENANT, KbServiceExtension.webhookSecret(),
                Instant.now(), body);
        HttpResponse<String> again = client().send(KbServiceExtension.TENANT, KbServiceExtension.webhookSecret(),
                Instant.now(), body);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(first.body()).contains("\"accepted\":2", "\"confidential\":1", "\"status\":\"vertrouwelijk\"");
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.body()).contains("\"accepted\":0", "\"duplicates\":2");
    }

    @Test
    void erasesAResidentWhomTheCrmHasForgotten() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String secret = KbServiceExtension.webhookSecret();
        // WebhookClient.event gives each contact the resident "crm-resident-<id>".
        client().send(KbServiceExtension.TENANT, secret, Instant.now(),
                payload(WebhookClient.event(run + "-e", "telefoon", "De 5G-mast maakt kinderen ziek", false)));
        WebhookClient erasures = new WebhookClient(port, "/api/v1/crm-erasures");
        String request = "{\"residentId\":\"crm-resident-" + run + "-e\"}";

        HttpResponse<String> unsigned = erasures.raw(KbServiceExtension.TENANT, null, null, request);
        HttpResponse<String> empty = erasures.send(KbServiceExtension.TENANT, secret, Instant.now(), "{}");
        HttpResponse<String> erased = erasures.send(KbServiceExtension.TENANT, secret, Instant.now(), request);
        HttpResponse<String> again = erasures.send(KbServiceExtension.TENANT, secret, Instant.now(), request);

        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("residentId").doesNotContain("Exception");
        assertThat(erased.statusCode()).isEqualTo(200);
        assertThat(erased.body()).isEqualTo("{\"erased\":1}");
        assertThat(again.body()).isEqualTo("{\"erased\":0}");
    }
}
