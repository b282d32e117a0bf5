package nl.duiding.connector.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import com.apicatalog.jsonld.loader.HttpLoader;
import jakarta.json.JsonArray;

/**
 * Expands JSON-LD with a real processor (Titanium). Contexts on kb-service are fetched over HTTP, as a partner's
 * processor would fetch them; schema.org's comes from kb-service's offline stand-in
 * ({@code duiding.jsonld.schema-org}: the terms the export uses, without {@code @vocab}), as the test machine has no
 * internet. Any other context fails the expansion.
 */
public final class JsonLd {

    private final String kbUrl;
    private final DocumentLoader http = new HttpLoader(HttpClient.newHttpClient());

    /** @param kbUrl kb-service's base URL, whose contexts may be fetched */
    public JsonLd(String kbUrl) {
        this.kbUrl = kbUrl;
    }

    /** The expanded form; fails (JsonLdError) on anything that is not valid JSON-LD. */
    public JsonArray expand(String document) throws JsonLdError {
        JsonDocument input = JsonDocument.of(MediaType.JSON_LD,
                new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)));
        return com.apicatalog.jsonld.JsonLd.expand(input).loader(this::load).get();
    }

    private Document load(URI url, DocumentLoaderOptions options) throws JsonLdError {
        String address = url.toString();
        if (address.startsWith(kbUrl + "/")) {
            return http.loadDocument(url, options);
        }
        if (address.matches("https?://schema\\.org/?")) {
            JsonDocument schemaOrg = JsonDocument.of(MediaType.JSON_LD, new ByteArrayInputStream(schemaOrgContext()));
            schemaOrg.setDocumentUrl(url);
            return schemaOrg;
        }
        throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "Not available offline: " + url);
    }

    private static byte[] schemaOrgContext() {
        String file = System.getProperty("duiding.jsonld.schema-org");
        if (file == null) {
            throw new IllegalStateException("duiding.jsonld.schema-org not set (the failsafe configuration sets it)");
        }
        try {
            return Files.readAllBytes(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
