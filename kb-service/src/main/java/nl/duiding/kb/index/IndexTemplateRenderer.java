package nl.duiding.kb.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import nl.duiding.kb.content.AnalysisLexicon;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a class-path index definition ({@code settings} + {@code mappings}) into an index template body. Where the
 * JSON says {@code "${analysis.dutch}"} it puts the shared Dutch analysis chain (elasticsearch/analysis-dutch.json),
 * and where it says {@code "${lexicon.synonyms}"}, {@code "${lexicon.compoundWords}"} or
 * {@code "${lexicon.stopwords}"} the content lexicon.
 * The hash of the result names the concrete index, so a changed mapping or lexicon gets a fresh index.
 */
@Component
class IndexTemplateRenderer {

    static final String SYNONYMS_PLACEHOLDER = "${lexicon.synonyms}";
    static final String COMPOUND_WORDS_PLACEHOLDER = "${lexicon.compoundWords}";
    static final String STOPWORDS_PLACEHOLDER = "${lexicon.stopwords}";
    static final String DUTCH_ANALYSIS_PLACEHOLDER = "${analysis.dutch}";
    private static final String DUTCH_ANALYSIS_RESOURCE = "elasticsearch/analysis-dutch.json";

    private final JsonMapper json;
    private final IndexProperties properties;

    IndexTemplateRenderer(JsonMapper json, IndexProperties properties) {
        this.json = json;
        this.properties = properties;
    }

    RenderedTemplate render(ManagedIndex index, AnalysisLexicon lexicon, List<String> indexPatterns, String alias) {
        ObjectNode definition = read(index.resource());
        includeDutchAnalysis(definition);
        Map<String, List<String>> lists = Map.of(
                SYNONYMS_PLACEHOLDER, lexicon.synonymRules(),
                COMPOUND_WORDS_PLACEHOLDER, lexicon.compoundWords(),
                STOPWORDS_PLACEHOLDER, lexicon.stopwords());
        fillPlaceholders(definition, lists);

        ObjectNode settings = definition.has("settings") ? (ObjectNode) definition.get("settings") : definition.putObject("settings");
        ObjectNode indexSettings = settings.has("index") ? (ObjectNode) settings.get("index") : settings.putObject("index");
        indexSettings.put("auto_expand_replicas", properties.autoExpandReplicas());
        if (!indexSettings.has("number_of_shards")) {
            indexSettings.put("number_of_shards", 1);
        }

        String hash = sha256(json.writeValueAsString(definition)).substring(0, 8);

        ObjectNode body = json.createObjectNode();
        ArrayNode patterns = body.putArray("index_patterns");
        indexPatterns.forEach(patterns::add);
        body.put("priority", 200);
        ObjectNode template = body.putObject("template");
        template.set("settings", settings);
        if (definition.has("mappings")) {
            template.set("mappings", definition.get("mappings"));
        }
        if (index.timeBased()) {
            template.putObject("aliases").putObject(alias);
        }
        body.put("version", index.version());
        body.putObject("_meta").put("content_hash", hash).put("managed_by", "kb-service");
        return new RenderedTemplate(json.writeValueAsString(body), hash);
    }

    private void includeDutchAnalysis(ObjectNode definition) {
        JsonNode settings = definition.get("settings");
        if (settings instanceof ObjectNode object && object.has("analysis")
                && DUTCH_ANALYSIS_PLACEHOLDER.equals(object.get("analysis").asString(""))) {
            object.set("analysis", read(DUTCH_ANALYSIS_RESOURCE));
        }
    }

    private ObjectNode read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            JsonNode node = json.readTree(in);
            if (!(node instanceof ObjectNode object)) {
                throw new IllegalStateException(resource + " must hold a JSON object");
            }
            return object;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read index definition " + resource, e);
        }
    }

    private static void fillPlaceholders(JsonNode node, Map<String, List<String>> lists) {
        if (node instanceof ObjectNode object) {
            for (String field : List.copyOf(object.propertyNames())) {
                JsonNode child = object.get(field);
                if (child.isString() && lists.containsKey(child.asString())) {
                    ArrayNode values = object.putArray(field);
                    lists.get(child.asString()).forEach(values::add);
                } else {
                    fillPlaceholders(child, lists);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> fillPlaceholders(child, lists));
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    record RenderedTemplate(String body, String hash) {
    }
}
