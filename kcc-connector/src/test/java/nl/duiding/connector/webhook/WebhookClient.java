package nl.duiding.connector.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import nl.duiding.connector.tenant.Secret;

/** Sends webhook requests the way a CRM would, signed or deliberately not. */
final class WebhookClient {

    private final String url;

    WebhookClient(int port) {
        this(port, "/api/v1/crm-events");
    }

    WebhookClient(int port, String path) {
        this.url = "http://127.0.0.1:" + port + path;
    }

    HttpResponse<String> send(String tenant, String secret, Instant signedAt, String body) throws Exception {
        String timestamp = String.valueOf(signedAt.getEpochSecond());
        String signature = WebhookSignature.sign(new Secret(secret), timestamp, body.getBytes(StandardCharsets.UTF_8));
        return raw(tenant, timestamp, signature, body);
    }

    HttpResponse<String> raw(String tenant, String timestamp, String signature, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (tenant != null) {
            request.header(SignedWebhooks.TENANT, tenant);
        }
        if (timestamp != null) {
            request.header(SignedWebhooks.TIMESTAMP, timestamp);
        }
        if (signature != null) {
            request.header(SignedWebhooks.SIGNATURE, signature);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String event(String id, String channel, String text, boolean confidential) {
        return "{\"id\":\"" + id + "\",\"occurredAt\":\"" + Instant.now().minusSeconds(60) + "\",\"channel\":\""
                + channel + "\",\"subject\":\"Vraag\",\"text\":\"" + text + "\",\"residentId\":\"crm-resident-" + id
                + "\",\"confidential\":" + confidential + "}";
    }
}
