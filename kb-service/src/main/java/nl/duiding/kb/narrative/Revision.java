package nl.duiding.kb.narrative;

import java.time.Instant;
import java.util.List;

/**
 * One saved change, never modified afterwards: who did what when, the full snapshot after the change and the
 * fields that changed compared with the version before.
 */
public record Revision(
        Slug slug,
        TenantCode tenant,
        int version,
        NarrativeStatus status,
        WorkflowAction action,
        String actor,
        Instant at,
        List<String> changedFields,
        List<FieldChange> changes,
        NarrativeRecord snapshot) {

    public Revision {
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    static Revision of(NarrativeRecord before, NarrativeRecord after, WorkflowAction action, String actor) {
        List<FieldChange> changes = NarrativeDiff.between(before, after);
        return new Revision(after.slug(), after.tenant(), after.version(), after.status(), action, actor,
                after.updatedAt(), changes.stream().map(FieldChange::field).distinct().toList(), changes, after);
    }
}
