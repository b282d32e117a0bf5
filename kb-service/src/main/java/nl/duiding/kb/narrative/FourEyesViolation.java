package nl.duiding.kb.narrative;

/** Someone tried to publish content they changed last themselves. */
public class FourEyesViolation extends RuntimeException {

    private final transient Slug slug;

    public FourEyesViolation(Slug slug, String approver) {
        super(approver + " last edited " + slug + " and cannot also publish it");
        this.slug = slug;
    }

    public Slug slug() {
        return slug;
    }
}
