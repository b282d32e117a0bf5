package nl.duiding.kb.web;

/** A change without If-Match: we refuse it (428) rather than risk overwriting someone else's work. */
public class IfMatchRequired extends RuntimeException {

    public IfMatchRequired() {
        super("If-Match header required");
    }
}
