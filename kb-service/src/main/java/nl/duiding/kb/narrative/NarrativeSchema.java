package nl.duiding.kb.narrative;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rules of a narrative, as {@code content/schema/narrative.schema.json} states them (the build copies it onto
 * the class path as {@code content-schema/}). Content files and API input are checked against the same file, so
 * the editor and git review cannot drift apart. The schema describes the front matter of a content file: the
 * narrative's fields plus {@code status} and {@code author}, without the background (the Markdown body).
 */
public final class NarrativeSchema {

    /** The background is Markdown outside the front matter, so the schema cannot limit it; this does. */
    public static final int MAX_BACKGROUND = 20_000;

    public static final String RESOURCE = "content-schema/narrative.schema.json";

    /** The order of the front-matter fields in files, as the schema lists them. */
    static final List<String> FIELD_ORDER = List.of("slug", "title", "summary", "category", "tags", "risk", "status",
            "tenant", "validFrom", "validUntil", "reviewBy", "author", "triggers", "scripts", "legalPosition",
            "legalBasis", "safetySignals", "playbook", "sources", "related");

    // Immutable once built: turns records into trees without nulls, as the schema wants absent fields absent.
    private static final JsonMapper TREES = JsonMapper.builder()
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private final Schema schema;

    private NarrativeSchema(Schema schema) {
        this.schema = schema;
    }

    public static NarrativeSchema load() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.LEGACY).build()));
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return new NarrativeSchema(registry.getSchema(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /** One rule a front matter breaks; {@code node} is where, for callers that know its position in a file. */
    public record Violation(String path, String message, JsonNode node) {

        @Override
        public String toString() {
            return path + ": " + message;
        }
    }

    public List<Violation> validate(JsonNode frontMatter, Locale locale) {
        List<Error> errors = schema.validate(frontMatter, ctx -> ctx.executionConfig(c -> c.locale(locale)));
        return errors.stream()
                .map(e -> new Violation(e.getInstanceLocation().toString(), e.getMessage(), e.getInstanceNode()))
                .toList();
    }

    /** The narrative as file front matter: schema field order, absent values left out, background not included. */
    public static ObjectNode frontMatter(Narrative narrative, NarrativeStatus status, String author) {
        ObjectNode fields = TREES.valueToTree(narrative);
        fields.remove("background");
        dropEmpty(fields, "tags", "legalBasis", "safetySignals", "related");
        // placeholder: false is the default; writing it on every source would only add noise to the files.
        if (fields.get("sources") instanceof ArrayNode sources) {
            sources.forEach(source -> {
                if (source instanceof ObjectNode object && object.path("placeholder").isBoolean()
                        && !object.get("placeholder").asBoolean()) {
                    object.remove("placeholder");
                }
            });
        }
        if (status != null) {
            fields.put("status", status.code());
        }
        if (author != null) {
            fields.put("author", author);
        }
        ObjectNode ordered = TREES.createObjectNode();
        for (String name : FIELD_ORDER) {
            if (fields.has(name)) {
                ordered.set(name, fields.get(name));
            }
        }
        return ordered;
    }

    /** Reads front matter (already checked against the schema) plus the background into a narrative. */
    public static Narrative narrative(JsonNode frontMatter, String background) {
        ObjectNode fields = (ObjectNode) frontMatter.deepCopy();
        fields.remove("status");
        fields.remove("author");
        fields.put("background", background);
        return TREES.treeToValue(fields, Narrative.class);
    }

    private static void dropEmpty(ObjectNode fields, String... names) {
        for (String name : names) {
            JsonNode value = fields.get(name);
            if (value != null && value.isArray() && value.isEmpty()) {
                fields.remove(name);
            }
        }
    }
}
