package nl.duiding.kb.narrative;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/v1/narratives/{slug}}: the published narrative as agents and the connector see it. A fixed
 * contract that outside checks rely on: extend, never rename or drop. Text is plain text: clients render it escaped.
 */
record PublishedNarrativeView(
        Slug slug,
        String title,
        String summary,
        Category category,
        List<String> tags,
        Risk risk,
        TenantCode tenant,
        LocalDate reviewBy,
        Scripts scripts,
        String legalPosition,
        List<Narrative.Citation> legalBasis,
        List<String> safetySignals,
        Narrative.Playbook playbook,
        List<Narrative.Source> sources,
        List<Slug> related,
        String background,
        int version,
        Instant publishedAt) {

    static PublishedNarrativeView of(NarrativeRecord record) {
        Narrative n = record.narrative();
        return new PublishedNarrativeView(n.slug(), n.title(), n.summary(), n.category(), n.tags(), n.risk(),
                n.tenant(), n.reviewBy(), n.scripts(), n.legalPosition(), n.legalBasis(), n.safetySignals(),
                n.playbook(), n.sources(), n.related(), n.background(), record.version(), record.publishedAt());
    }
}
