package nl.duiding.kb.narrative;

/** An editor's change was saved: the narrative, what was done, by whom, and the version it became. */
public record NarrativeChanged(NarrativeKey key, WorkflowAction action, String actor, int version) {
}
