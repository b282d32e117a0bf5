package nl.duiding.connector.klantinteracties;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import tools.jackson.databind.node.ObjectNode;

/** The stub check can fail: a stub that breaks the document, or a request the API does not define, is caught. */
class SpecValidationTest {

    private WireMockServer crm;
    private OpenKlantStubs stubs;

    @BeforeEach
    void start() {
        crm = new WireMockServer(wireMockConfig().dynamicPort());
        crm.start();
        stubs = new OpenKlantStubs(crm);
    }

    @AfterEach
    void stop() {
        crm.stop();
    }

    private void call(String pathAndQuery, boolean withToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(crm.baseUrl() + pathAndQuery));
        if (withToken) {
            request.header("Authorization", "Token " + OpenKlantStubs.TOKEN);
        }
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding());
    }

    @Test
    void acceptsStubsBuiltFromTheDocument() throws Exception {
        stubs.serveList(List.of(stubs.klantcontact("telefoon", "Vraag", Instant.now())), 100);
        call(OpenKlantStubs.BASE_PATH + "/klantcontacten?expand=hadBetrokkenen&page=1&pageSize=100", true);

        SpecValidation.assertTrafficFollowsSpec(crm);
    }

    @Test
    void catchesAStubWithoutARequiredField() throws Exception {
        ObjectNode contact = stubs.klantcontact("telefoon", "Vraag", Instant.now());
        contact.remove("taal");
        stubs.serveList(List.of(contact), 100);
        call(OpenKlantStubs.BASE_PATH + "/klantcontacten?expand=hadBetrokkenen&page=1&pageSize=100", true);

        assertThatThrownBy(() -> SpecValidation.assertTrafficFollowsSpec(crm)).hasMessageContaining("taal");
    }

    @Test
    void catchesARequestTheApiDoesNotDefine() throws Exception {
        crm.stubFor(get(urlPathEqualTo(OpenKlantStubs.BASE_PATH + "/klantcontacten")).willReturn(
                OpenKlantStubs.okJson(stubs.page(0, null, null, List.of()))));
        call(OpenKlantStubs.BASE_PATH + "/klantcontacten?page=een", false);

        assertThatThrownBy(() -> SpecValidation.assertTrafficFollowsSpec(crm)).satisfies(e -> assertThat(
                e.getMessage()).contains("request"));
    }
}
