package nl.duiding.connector.klantinteracties;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * WireMock stubs of an OpenKlant 2 Klantinteracties API, built from the schemas of
 * {@code specs/klantinteracties-openapi.yaml}: {@code PaginatedExpandKlantcontactList} pages of
 * {@code ExpandKlantcontact} records with every required field. {@link SpecValidation} checks each request the
 * connector sent and each answer the stubs gave against the same document.
 */
final class OpenKlantStubs {

    static final String BASE_PATH = "/klantinteracties/api/v1";
    static final String TOKEN = "test-token-" + UUID.randomUUID();

    private final WireMockServer server;
    private final JsonMapper json = JsonMapper.builder().build();

    OpenKlantStubs(WireMockServer server) {
        this.server = server;
    }

    String baseUrl() {
        return server.baseUrl() + BASE_PATH;
    }

    /** A klantcontact as the API returns it, with one betrokkene (the resident) expanded. */
    ObjectNode klantcontact(String uuid, String kanaal, String onderwerp, String inhoud, Instant at,
            boolean vertrouwelijk, String partijUuid) {
        String url = baseUrl() + "/klantcontacten/" + uuid;
        String betrokkeneUuid = UUID.randomUUID().toString();
        ObjectNode kc = json.createObjectNode();
        kc.put("uuid", uuid);
        kc.put("url", url);
        kc.putArray("gingOverOnderwerpobjecten");
        kc.putArray("hadBetrokkenActoren");
        kc.putArray("omvatteBijlagen");
        ObjectNode ref = kc.putArray("hadBetrokkenen").addObject();
        ref.put("uuid", betrokkeneUuid);
        ref.put("url", baseUrl() + "/betrokkenen/" + betrokkeneUuid);
        kc.putArray("leiddeTotInterneTaken");
        kc.putNull("nummer");
        kc.put("referentienummer", "R" + uuid.substring(0, 6));
        kc.put("kanaal", kanaal);
        kc.put("onderwerp", onderwerp);
        kc.put("inhoud", inhoud);
        kc.put("reactie", "");
        kc.putNull("indicatieContactGelukt");
        kc.put("taal", "nld");
        kc.put("vertrouwelijk", vertrouwelijk);
        kc.put("plaatsgevondenOp", at.toString());
        ObjectNode betrokkene = kc.putObject("_expand").putArray("hadBetrokkenen").addObject();
        betrokkene.put("uuid", betrokkeneUuid);
        betrokkene.put("url", baseUrl() + "/betrokkenen/" + betrokkeneUuid);
        if (partijUuid != null) {
            ObjectNode partij = betrokkene.putObject("wasPartij");
            partij.put("uuid", partijUuid);
            partij.put("url", baseUrl() + "/partijen/" + partijUuid);
        }
        // Without a partij the field is left out: it is nullable in the document, but "nullable" beside allOf is
        // ambiguous in OpenAPI 3.0 and the validator reads it as not nullable.
        ObjectNode back = betrokkene.putObject("hadKlantcontact");
        back.put("uuid", uuid);
        back.put("url", url);
        betrokkene.putArray("digitaleAdressen");
        betrokkene.put("volledigeNaam", "");
        betrokkene.put("rol", "klant");
        betrokkene.put("organisatienaam", "");
        betrokkene.put("initiator", true);
        return kc;
    }

    ObjectNode klantcontact(String kanaal, String inhoud, Instant at) {
        return klantcontact(UUID.randomUUID().toString(), kanaal, "Vraag van inwoner", inhoud, at, false,
                UUID.randomUUID().toString());
    }

    /** {@code PaginatedExpandKlantcontactList}. */
    String page(int count, String next, String previous, List<ObjectNode> results) {
        ObjectNode page = json.createObjectNode();
        page.put("count", count);
        if (next == null) {
            page.putNull("next");
        } else {
            page.put("next", next);
        }
        if (previous == null) {
            page.putNull("previous");
        } else {
            page.put("previous", previous);
        }
        ArrayNode array = page.putArray("results");
        results.forEach(array::add);
        return json.writeValueAsString(page);
    }

    String pageUrl(int page, int pageSize) {
        return baseUrl() + "/klantcontacten?expand=hadBetrokkenen&page=" + page + "&pageSize=" + pageSize;
    }

    /** Serves the records as pages of {@code pageSize}, each linking to the next, as OpenKlant does. */
    void serveList(List<ObjectNode> all, int pageSize) {
        int pages = Math.max(1, (all.size() + pageSize - 1) / pageSize);
        for (int p = 1; p <= pages; p++) {
            List<ObjectNode> slice = new ArrayList<>(all.subList((p - 1) * pageSize, Math.min(all.size(), p * pageSize)));
            String next = p < pages ? pageUrl(p + 1, pageSize) : null;
            String previous = p > 1 ? pageUrl(p - 1, pageSize) : null;
            server.stubFor(listPage(p).willReturn(okJson(page(all.size(), next, previous, slice))));
        }
    }

    static MappingBuilder listPage(int page) {
        return get(urlPathEqualTo(BASE_PATH + "/klantcontacten")).withQueryParam("page", equalTo(String.valueOf(page)))
                .withHeader("Authorization", equalTo("Token " + TOKEN));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("API-version", "0.9.0").withBody(body);
    }
}
