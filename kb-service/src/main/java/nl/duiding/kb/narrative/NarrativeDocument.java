package nl.duiding.kb.narrative;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A narrative as an Elasticsearch document: the fields we search, filter and aggregate on, copied from
 * {@code record}, which holds the whole {@link NarrativeRecord} and is stored but not indexed.
 */
record NarrativeDocument(
        String slug,
        String tenant,
        String status,
        int version,
        String category,
        String risk,
        List<String> tags,
        String title,
        String summary,
        List<String> triggers,
        String background,
        String author,
        String lastEditor,
        LocalDate reviewBy,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt,
        NarrativeRecord record) {

    static NarrativeDocument of(NarrativeRecord record) {
        Narrative n = record.narrative();
        return new NarrativeDocument(n.slug().value(), n.tenant().value(), record.status().code(), record.version(),
                n.category() == null ? null : n.category().code(), n.risk() == null ? null : n.risk().code(), n.tags(),
                n.title(), n.summary(), n.triggers(), n.background(), record.author(), record.lastEditor(),
                n.reviewBy(), record.createdAt(), record.updatedAt(), record.publishedAt(), record);
    }
}
