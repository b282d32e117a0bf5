package nl.duiding.kb.narrative;

/** A narrative is no longer shown to agents (archived). */
public record NarrativeWithdrawn(Slug slug, TenantCode tenant) {
}
