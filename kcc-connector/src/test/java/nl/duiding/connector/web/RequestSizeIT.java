package nl.duiding.connector.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.duiding.connector.support.KbServiceExtension;
import nl.duiding.connector.support.SidebarClient;

/**
 * Every body the connector reads has a limit — 64 KB, the webhook 2 MB — and a body over it is refused with 413 before
 * it is read to the end, whether it announces its length or comes chunked.
 */
@ExtendWith(KbServiceExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestSizeIT {

    private static final int KB = 1024;

    @LocalServerPort
    int port;

    @Test
    void refusesAPastedTextOverTheLimitAnnouncedOrChunked() throws Exception {
        String token = new SidebarClient(port).session(null, null);
        String big = "{\"text\":\"" + "gif ".repeat(17 * KB) + "\"}";

        assertTooLarge(send("/sidebar/api/match", token, "application/json", big, false));
        assertTooLarge(send("/sidebar/api/match", token, "application/json", big, true));
        assertThat(send("/sidebar/api/match", token, "application/json", "{\"text\":\"gif uit vliegtuigen\"}", true)
                .statusCode()).isEqualTo(200);
    }

    @Test
    void refusesFeedbackAndNotificationsOverTheLimit() throws Exception {
        String token = new SidebarClient(port).session(null, null);
        String big = "{\"slug\":\"chemtrails\",\"kind\":\"hielp\",\"x\":\"" + "a".repeat(65 * KB) + "\"}";

        assertTooLarge(send("/sidebar/api/feedback", token, "application/json", big, true));
        assertTooLarge(send("/api/v1/notificaties/" + KbServiceExtension.TENANT, null, "application/json", big, false));
        assertTooLarge(send("/api/v1/notificaties/" + KbServiceExtension.TENANT, null, "application/json", big, true));
    }

    @Test
    void refusesAWebhookBodyOverTwoMegabytes() throws Exception {
        String big = "{\"source\":\"crm\",\"events\":[{\"text\":\"" + "a".repeat(2 * KB * KB) + "\"}]}";

        assertTooLarge(send("/api/v1/crm-events", null, "application/json", big, false));
        assertTooLarge(send("/api/v1/crm-events", null, "application/json", big, true));
        // Under the limit the body is read, and the missing signature is what is wrong.
        assertThat(send("/api/v1/crm-events", null, "application/json", big.substring(0, KB * KB), true).statusCode())
                .isEqualTo(401);
    }

    @Test
    void refusesALaunchFormOverTheLimit() throws Exception {
        String form = "launch=" + SidebarClient.launch("telefoon", null, null, null) + "&x=" + "a".repeat(65 * KB);

        HttpResponse<String> page = send("/sidebar", null, "application/x-www-form-urlencoded", form, false);

        assertThat(page.statusCode()).isEqualTo(413);
        assertThat(page.body()).doesNotContain("data-token");
    }

    private HttpResponse<String> send(String path, String token, String type, String body, boolean chunked)
            throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", type).POST(chunked
                        ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
                        : HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new AssertionError("no answer to a body of " + bytes.length + " bytes (chunked " + chunked + ")", e);
        }
    }

    private static void assertTooLarge(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/problem+json");
        assertThat(response.body()).contains("\"title\":\"Aanvraag te groot\"").doesNotContain("Exception");
    }
}
