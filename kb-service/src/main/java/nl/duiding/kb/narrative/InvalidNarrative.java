package nl.duiding.kb.narrative;

import java.util.List;

/** Narrative content that breaks the schema's rules; nothing was written. */
public class InvalidNarrative extends RuntimeException {

    private final transient List<NarrativeSchema.Violation> violations;

    public InvalidNarrative(List<NarrativeSchema.Violation> violations) {
        super("Narrative breaks " + violations.size() + " rule(s): " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<NarrativeSchema.Violation> violations() {
        return violations;
    }
}
