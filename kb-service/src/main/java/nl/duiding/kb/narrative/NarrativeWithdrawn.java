package nl.duiding.kb.narrative;

/** A published narrative is no longer shown to agents (archived). */
public record NarrativeWithdrawn(Slug slug, TenantCode tenant) {
}
