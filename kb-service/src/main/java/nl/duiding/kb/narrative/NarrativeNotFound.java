package nl.duiding.kb.narrative;

/** No narrative (or revision) under this slug that the caller may see. */
public class NarrativeNotFound extends RuntimeException {

    private final transient Slug slug;

    public NarrativeNotFound(Slug slug) {
        super("No narrative " + slug);
        this.slug = slug;
    }

    public Slug slug() {
        return slug;
    }
}
