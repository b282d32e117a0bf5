package nl.duiding.kb.web;

/** A query or path parameter with a value we cannot use; {@code detail} is Dutch and shown to the user. */
public class InvalidParameter extends RuntimeException {

    private final String parameter;
    private final String detail;

    public InvalidParameter(String parameter, String detail) {
        super("Invalid parameter " + parameter + ": " + detail);
        this.parameter = parameter;
        this.detail = detail;
    }

    public String parameter() {
        return parameter;
    }

    public String detail() {
        return detail;
    }
}
