package nl.duiding.connector.kb;

/**
 * kb-service answered that the request itself is wrong (a 4xx problem detail other than 401, 403 and 429): sending
 * it again will not help. Carries the problem's Dutch title and detail so they can be shown or passed on.
 */
public class KbRejected extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final String detail;

    public KbRejected(int status, String type, String title, String detail) {
        super(status + " " + type + ": " + title);
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }
}
