package nl.duiding.kb.narrative;

/** A create for a slug the tenant already has. */
public class NarrativeAlreadyExists extends RuntimeException {

    private final transient NarrativeKey key;

    public NarrativeAlreadyExists(NarrativeKey key) {
        super("Narrative " + key.slug() + " of " + key.tenant() + " already exists");
        this.key = key;
    }

    public NarrativeKey key() {
        return key;
    }
}
