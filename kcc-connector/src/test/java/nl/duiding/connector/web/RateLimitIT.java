package nl.duiding.connector.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import nl.duiding.connector.support.KbServiceExtension;
import nl.duiding.connector.support.SidebarClient;

/**
 * Per-client limits on the public endpoints, with small limits so they are reached: the next request gets 429 with
 * Retry-After — a Dutch page for the sidebar page, a problem detail for the JSON endpoints — and another client is not
 * affected. Every test runs from 127.0.0.1; the one that uses up the address's sidebar openings runs last.
 */
@ExtendWith(KbServiceExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"duiding.rate-limit.sidebar-page=6", "duiding.rate-limit.sidebar-api=5",
        "duiding.rate-limit.unverified=3", "duiding.rate-limit.webhook=3", "duiding.rate-limit.notifications=3"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitIT {

    @LocalServerPort
    int port;

    @Test
    @Order(1)
    void countsTheSidebarsCallsPerOpenSidebar() throws Exception {
        SidebarClient sidebar = new SidebarClient(port);
        String first = sidebar.session(null, null);
        String second = sidebar.session(null, null);
        for (int i = 0; i < 5; i++) {
            assertThat(sidebar.get("/sidebar/api/suggest?q=ch", first).statusCode()).isEqualTo(200);
        }

        HttpResponse<String> over = sidebar.get("/sidebar/api/suggest?q=ch", first);

        assertProblem(over);
        assertThat(sidebar.get("/sidebar/api/suggest?q=ch", second).statusCode()).as("another sidebar").isEqualTo(200);
    }

    @Test
    @Order(2)
    void countsCallsWithoutAValidPageTokenPerAddress() throws Exception {
        SidebarClient sidebar = new SidebarClient(port);
        for (int i = 0; i < 3; i++) {
            assertThat(sidebar.get("/sidebar/api/suggest?q=ch", "vals-" + i).statusCode()).isEqualTo(401);
        }

        assertProblem(sidebar.get("/sidebar/api/suggest?q=ch", "vals-x"));
    }

    @Test
    @Order(3)
    void limitsTheWebhookPerAddressBeforeReadingTheSignature() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(post("/api/v1/crm-events", "{}").statusCode()).isEqualTo(401);
        }

        assertProblem(post("/api/v1/crm-events", "{}"));
    }

    @Test
    @Order(4)
    void limitsNotificationCallbacksPerAddress() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(post("/api/v1/notificaties/" + KbServiceExtension.TENANT, "{}").statusCode()).isEqualTo(401);
        }

        assertProblem(post("/api/v1/notificaties/" + KbServiceExtension.TENANT, "{}"));
    }

    @Test
    @Order(5)
    void slowsDownOpeningTheSidebarFromOneAddressWithADutchPage() throws Exception {
        SidebarClient sidebar = new SidebarClient(port);
        // Two of the six were opened by the first test.
        for (int i = 0; i < 4; i++) {
            assertThat(sidebar.open(SidebarClient.launch("telefoon", null, null, null)).statusCode()).isEqualTo(200);
        }

        HttpResponse<String> over = sidebar.open(SidebarClient.launch("telefoon", null, null, null));

        assertThat(over.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(over.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(over.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(over.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors");
        assertThat(over.body()).contains("Even geduld", "lang=\"nl\"").doesNotContain("data-token");
        // No address of its own: the page is reached through the limiter only.
        assertThat(sidebar.get(RateLimiter.SLOW_DOWN_PAGE, null).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/problem+json");
        assertThat(response.body()).contains("\"title\":\"Te veel verzoeken\"", "\"status\":429",
                "https://duiding.nl/problemen/te-veel-verzoeken");
    }
}
