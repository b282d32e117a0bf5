package nl.duiding.connector.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import nl.duiding.connector.support.KbServiceExtension;

/** When kb-service cannot be reached the sender hears 503 with Retry-After, so it sends again later. */
@ExtendWith(KbServiceExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Port 9 (discard) has nothing listening here: kb-service is down as far as this connector knows.
@TestPropertySource(properties = {"duiding.kb.url=http://127.0.0.1:9", "duiding.kb.retries=2"})
class CrmEventsWithoutKbServiceIT {

    @LocalServerPort
    int port;

    @Test
    void answers503WithRetryAfterWhenKbServiceCannotTakeTheEvents() throws Exception {
        String body = "{\"source\":\"topdesk\",\"events\":[" + WebhookClient.event("t1", "chat",
                "Is de digitale euro het einde van contant geld?", false) + "]}";

        HttpResponse<String> response = new WebhookClient(port).send(KbServiceExtension.TENANT,
                KbServiceExtension.webhookSecret(), Instant.now(), body);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("60");
        assertThat(response.body()).contains("Tijdelijk niet verwerkt", "opnieuw");
    }
}
