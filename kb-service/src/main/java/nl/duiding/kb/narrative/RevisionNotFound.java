package nl.duiding.kb.narrative;

/** A revision number this narrative never had. */
public class RevisionNotFound extends RuntimeException {

    private final transient Slug slug;
    private final int version;

    public RevisionNotFound(Slug slug, int version) {
        super("Narrative " + slug + " has no revision " + version);
        this.slug = slug;
        this.version = version;
    }

    public Slug slug() {
        return slug;
    }

    public int version() {
        return version;
    }
}
