package nl.duiding.kb.narrative;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The field-level difference between two versions of a narrative, for people: each changed leaf by its path, with
 * the text before and after. Bookkeeping (version, timestamps) is left out; the status is in.
 */
public final class NarrativeDiff {

    // Immutable once built; only used to turn records into trees.
    private static final JsonMapper TREES = JsonMapper.builder()
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private NarrativeDiff() {
    }

    /** {@code before} may be null: then every field counts as added. */
    public static List<FieldChange> between(NarrativeRecord before, NarrativeRecord after) {
        Map<String, String> old = before == null ? Map.of() : flatten(before);
        Map<String, String> now = after == null ? Map.of() : flatten(after);
        Set<String> fields = new LinkedHashSet<>(old.keySet());
        fields.addAll(now.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            String a = old.get(field);
            String b = now.get(field);
            if (!Objects.equals(a, b)) {
                changes.add(new FieldChange(field, a, b));
            }
        }
        return changes;
    }

    private static Map<String, String> flatten(NarrativeRecord record) {
        Map<String, String> leaves = new LinkedHashMap<>();
        leaves.put("status", record.status().code());
        collect(TREES.valueToTree(record.narrative()), "", leaves);
        return leaves;
    }

    private static void collect(JsonNode node, String path, Map<String, String> leaves) {
        if (node.isObject()) {
            for (String name : node.propertyNames()) {
                collect(node.get(name), path.isEmpty() ? name : path + "." + name, leaves);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", leaves);
            }
        } else if (!node.isNull()) {
            leaves.put(path, node.asString());
        }
    }
}
