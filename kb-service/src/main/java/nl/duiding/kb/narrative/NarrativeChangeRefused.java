package nl.duiding.kb.narrative;

/**
 * An editor's change was not saved. {@code reason} is a fixed code (the problem type the editor heard, e.g.
 * {@code vier-ogen}), never text from the request; slug or tenant may be null when the request named none.
 *
 * @param refused true when a rule refused it (four eyes, workflow, stale version, invalid content), false when it
 *                failed (storage)
 */
public record NarrativeChangeRefused(TenantCode tenant, Slug slug, WorkflowAction action, String actor, String reason,
        boolean refused) {
}
