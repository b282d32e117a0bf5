package nl.duiding.connector.web;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** RFC 9457 problem details with Dutch title and detail, typed under https://duiding.nl/problemen/. */
public final class Problems {

    public static final String TYPE_BASE = "https://duiding.nl/problemen/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    public static ErrorResponseException badRequest(String type, String title, String detail) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, of(HttpStatus.BAD_REQUEST, type, title, detail),
                null);
    }

    /**
     * 503 with {@code Retry-After: 60}: what a sender (a CRM, Open Notificaties) should try again, because the
     * system behind the connector cannot take it now.
     */
    public static ErrorResponseException unavailable(String detail) {
        ErrorResponseException e = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE,
                of(HttpStatus.SERVICE_UNAVAILABLE, "tijdelijk-niet-verwerkt", "Tijdelijk niet verwerkt", detail), null);
        e.getHeaders().set(HttpHeaders.RETRY_AFTER, "60");
        return e;
    }

    public static ErrorResponseException notFound() {
        return new ErrorResponseException(HttpStatus.NOT_FOUND, of(HttpStatus.NOT_FOUND, "verhaal-niet-gevonden",
                "Verhaal niet gevonden", "Dit verhaal is niet (meer) gepubliceerd."), null);
    }
}
