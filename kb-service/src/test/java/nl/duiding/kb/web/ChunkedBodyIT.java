package nl.duiding.kb.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import nl.duiding.kb.support.IsolatedIndices;
import nl.duiding.kb.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * On a real port, where a body can come chunked without a Content-Length: the limit still holds and is answered
 * with 413 as a problem detail — for JSON read by kb-service, and for form and multipart bodies that the servlet
 * container parses itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChunkedBodyIT {

    @RegisterExtension
    static final IsolatedIndices INDICES = new IsolatedIndices();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        INDICES.registerWithTestUsers(registry);
        registry.add("duiding.content.import-on-start", () -> "false");
        registry.add("duiding.api.max-body-size", () -> "16KB");
        registry.add("server.address", () -> "127.0.0.1");
    }

    @LocalServerPort
    int port;

    @Test
    void refusesAChunkedBodyOverTheLimit() throws Exception {
        byte[] body = ("{\"title\": \"" + "a".repeat(40 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        String credentials = Base64.getEncoder().encodeToString(
                (TestUsers.REDACTEUR + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/narratives"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + credentials)
                // An input stream has no known length, so the client sends it chunked.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("API-Version")).hasValue("1.0.0");
        assertThat(response.body()).contains("\"title\":\"Aanvraag te groot\"");
    }

    @Test
    void refusesAChunkedFormOverTheLimitWithoutLoggingAnyoneIn() throws Exception {
        byte[] body = ("username=" + TestUsers.REDACTEUR + "&password=" + TestUsers.PASSWORD + "&x="
                + "a".repeat(40 * 1024)).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = chunked("/redactie/inloggen", "application/x-www-form-urlencoded", body);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("Exception");
        // Whatever session the refusal left behind is not logged in.
        String cookie = response.headers().firstValue("Set-Cookie").map(c -> c.split(";")[0]).orElse("x=y");
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/redactie")).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/redactie/inloggen");
    }

    @Test
    void refusesAChunkedMultipartBodyOverTheLimit() throws Exception {
        byte[] body = ("--grens\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n" + "a".repeat(40 * 1024)
                + "\r\n--grens--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = chunked("/api/v1/match", "multipart/form-data; boundary=grens", body);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"title\":\"Aanvraag te groot\"").doesNotContain("Exception");
    }

    private HttpResponse<String> chunked(String path, String contentType, byte[] body) throws Exception {
        String credentials = Base64.getEncoder().encodeToString(
                (TestUsers.REDACTEUR + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", contentType)
                .header("Authorization", "Basic " + credentials)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
