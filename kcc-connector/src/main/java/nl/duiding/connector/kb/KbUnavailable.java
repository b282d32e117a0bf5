package nl.duiding.connector.kb;

/**
 * kb-service could not answer now: not reachable, too slow, overloaded (429) or failing (5xx), or it refused the
 * connector's credentials. The caller may try again later; the sidebar falls back to its cache.
 */
public class KbUnavailable extends RuntimeException {

    private final int status;

    public KbUnavailable(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status kb-service answered, or 0 when it did not answer at all. */
    public int status() {
        return status;
    }
}
