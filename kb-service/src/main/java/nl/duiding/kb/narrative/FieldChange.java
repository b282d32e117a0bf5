package nl.duiding.kb.narrative;

/**
 * One field that differs between two versions, by its path ({@code scripts.chat.coreMessage}, {@code triggers[3]});
 * {@code before} or {@code after} is null when the field was added or removed.
 */
public record FieldChange(String field, String before, String after) {
}
