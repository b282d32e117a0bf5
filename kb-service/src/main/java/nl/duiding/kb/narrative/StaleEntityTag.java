package nl.duiding.kb.narrative;

/** The If-Match of a write no longer matches the working copy: someone else saved in between. */
public class StaleEntityTag extends RuntimeException {

    private final transient NarrativeKey key;

    public StaleEntityTag(NarrativeKey key) {
        super("Narrative " + key.slug() + " of " + key.tenant() + " was changed by someone else");
        this.key = key;
    }

    public NarrativeKey key() {
        return key;
    }
}
