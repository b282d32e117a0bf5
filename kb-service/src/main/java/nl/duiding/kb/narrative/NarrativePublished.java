package nl.duiding.kb.narrative;

/** A narrative version became what agents see. */
public record NarrativePublished(NarrativeRecord record) {
}
