package nl.duiding.kb.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.apicatalog.jsonld.loader.DocumentLoader;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Expands JSON-LD with a real processor (Titanium) and a document loader that serves contexts from memory, as the
 * test machine has no internet: schema.org's context from a test resource, ours as kb-service served it.
 */
public final class JsonLd {

    /** schema.org's context as far as our export uses it, without {@code @vocab}: an unknown term is dropped. */
    public static final String SCHEMA_ORG_RESOURCE = "/jsonld/schema.org-context.jsonld";

    private final Map<String, byte[]> documents = new HashMap<>();

    public JsonLd serve(String url, byte[] document) {
        documents.put(normalise(url), document);
        return this;
    }

    public JsonLd serveSchemaOrg() {
        try (InputStream in = JsonLd.class.getResourceAsStream(SCHEMA_ORG_RESOURCE)) {
            byte[] context = in.readAllBytes();
            serve("https://schema.org/", context);
            serve("http://schema.org/", context);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The expanded form; fails (JsonLdError) on anything that is not valid JSON-LD. */
    public JsonArray expand(String document) throws JsonLdError {
        JsonDocument input = JsonDocument.of(MediaType.JSON_LD,
                new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)));
        return com.apicatalog.jsonld.JsonLd.expand(input).loader(loader()).get();
    }

    private DocumentLoader loader() {
        return (url, options) -> {
            byte[] body = documents.get(normalise(url.toString()));
            if (body == null) {
                throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "Not available offline: " + url);
            }
            JsonDocument loaded = JsonDocument.of(MediaType.JSON_LD, new ByteArrayInputStream(body));
            loaded.setDocumentUrl(url);
            return loaded;
        };
    }

    private static String normalise(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Every property IRI in an expanded document. */
    public static Set<String> propertyIris(JsonValue expanded) {
        Set<String> iris = new TreeSet<>();
        collect(expanded, iris);
        return iris;
    }

    private static void collect(JsonValue value, Set<String> iris) {
        if (value instanceof JsonArray array) {
            array.forEach(v -> collect(v, iris));
        } else if (value instanceof JsonObject object) {
            object.forEach((key, v) -> {
                if (!key.startsWith("@")) {
                    iris.add(key);
                }
                collect(v, iris);
            });
        }
    }

}
