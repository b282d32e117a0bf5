package nl.duiding.kb.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.sun.net.httpserver.HttpServer;
import nl.duiding.kb.support.IsolatedIndices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * When the identity provider's keys cannot be fetched, a well-formed token cannot be checked: that is kb-service's
 * trouble, answered with 503 and a Dutch problem, not a 401 that would send users to log in again, nor a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("prod")
class IdentityProviderDownIT {

    @RegisterExtension
    static final IsolatedIndices INDICES = new IsolatedIndices();
    private static final TestIdentityProvider IDP = new TestIdentityProvider();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        INDICES.register(registry);
        registry.add("duiding.content.import-on-start", () -> "false");
        registry.add("server.address", () -> "127.0.0.1");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestIdentityProvider.ISSUER);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", IdentityProviderDownIT::closedAddress);
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> TestIdentityProvider.AUDIENCE);
        registry.add("duiding.security.jwt.roles-claim", () -> "realm_access.roles");
    }

    @AfterAll
    static void stop() {
        IDP.close();
    }

    @LocalServerPort
    int port;

    @Test
    void answers503WhenTheKeysCannotBeFetched() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/narratives"))
                .header("Authorization", "Bearer " + IDP.token("anna", "GM0363", "kcc-medewerker")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"title\":\"Inloggen tijdelijk niet mogelijk\"")
                .doesNotContain("Exception");
    }

    /** An address on this machine where nothing listens any more. */
    private static String closedAddress() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            int port = server.getAddress().getPort();
            server.stop(0);
            return "http://127.0.0.1:" + port + "/jwks";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
