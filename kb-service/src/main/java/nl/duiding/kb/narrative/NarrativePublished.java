package nl.duiding.kb.narrative;

/** A narrative version became what agents see (by the workflow or the content import). */
public record NarrativePublished(NarrativeRecord narrative) {
}
