package nl.duiding.kb.editor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.duiding.kb.narrative.NarrativeSchema;

/**
 * Messages per form field, in Dutch, for showing next to the field and in the summary at the top of the page.
 * Schema violations arrive by JSON path ({@code $.scripts.chat.say[2]}); they are put on the field that holds that
 * value, with the line number for one-item-per-line fields.
 */
public final class FieldErrors {

    private static final Pattern LINE_ITEM = Pattern.compile("^(.*)\\[(\\d+)]$");
    private static final Pattern QUOTED = Pattern.compile("'([A-Za-z]+)'");

    private final Map<String, List<String>> byField = new LinkedHashMap<>();
    private final List<String> general = new ArrayList<>();

    void add(String field, String message) {
        byField.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    }

    void addGeneral(String message) {
        general.add(message);
    }

    void addViolations(List<NarrativeSchema.Violation> violations) {
        violations.forEach(v -> addViolation(v.path(), v.message()));
    }

    private void addViolation(String path, String message) {
        String field = path.startsWith("$.") ? path.substring(2) : path.equals("$") ? "" : path;
        // The validator words a missing field as "… 'title' …" on the parent object.
        if (message.contains("'") && (field.isEmpty() || !message.startsWith(field))) {
            Matcher quoted = QUOTED.matcher(message);
            if (quoted.find() && !field.contains("[")) {
                String missing = field.isEmpty() ? quoted.group(1) : field + "." + quoted.group(1);
                if (isKnown(missing)) {
                    add(missing, "Dit veld is verplicht.");
                    return;
                }
            }
        }
        String text = clean(message);
        Matcher item = LINE_ITEM.matcher(field);
        if (item.matches() && isLineField(item.group(1))) {
            add(item.group(1), "Regel " + (Integer.parseInt(item.group(2)) + 1) + ": " + text);
        } else if (isKnown(field)) {
            add(field, text);
        } else if (field.matches("(sources|legalBasis|scripts\\.\\w+\\.referral)\\[\\d+]")) {
            add(field + (field.startsWith("sources") ? ".title" : field.startsWith("legalBasis") ? ".citation"
                    : ".to"), text);
        } else {
            general.add((field.isEmpty() ? "" : field + ": ") + text);
        }
    }

    /** The validator's message starts with the path ("$.title: must be …"); the field is already named by the page. */
    private static String clean(String message) {
        String text = message.replaceFirst("^\\$[^:]*:\\s*", "");
        return text.isEmpty() ? message : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static boolean isLineField(String field) {
        String last = field.substring(field.lastIndexOf('.') + 1);
        return NarrativeForm.LINE_FIELDS.contains(field) || NarrativeForm.LINE_FIELDS.contains(last);
    }

    private static boolean isKnown(String field) {
        return field.matches("slug|tenant|title|summary|category|risk|tags|validFrom|validUntil|reviewBy|triggers"
                + "|legalPosition|legalBasis|safetySignals|related|background|sources|playbook|playbook\\.(standardAnswer|steps)"
                + "|scripts\\.(telefoon|email|chat)\\.(coreMessage|say|avoid|askFurther|registration|referral)"
                + "|scripts\\.(telefoon|email|chat)\\.referral\\[\\d+]\\.(to|when)"
                + "|legalBasis\\[\\d+]\\.(citation|url)|sources\\[\\d+]\\.(title|url|publisher)");
    }

    public boolean isEmpty() {
        return byField.isEmpty() && general.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public List<String> of(String field) {
        return byField.getOrDefault(field, List.of());
    }

    public Map<String, List<String>> byField() {
        return byField;
    }

    public List<String> general() {
        return general;
    }

    public int count() {
        return general.size() + byField.values().stream().mapToInt(List::size).sum();
    }
}
