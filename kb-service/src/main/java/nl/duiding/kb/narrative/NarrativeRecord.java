package nl.duiding.kb.narrative;

import java.time.Instant;

/**
 * A narrative as stored: its content plus editorial state. {@code version} counts saved changes;
 * {@code contentHash} lets the importer skip unchanged files.
 */
public record NarrativeRecord(
        Narrative narrative,
        NarrativeStatus status,
        int version,
        String author,
        String lastEditor,
        Instant createdAt,
        Instant updatedAt,
        String contentHash) {
}
