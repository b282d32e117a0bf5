package nl.duiding.kb.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Builds the RFC 9457 problem details kb-service answers with. Titles and details are Dutch: KCC users see them.
 * Each kind of problem has its own {@code type} URI, so clients can tell them apart without parsing text.
 */
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
}
