package nl.duiding.kb.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The 401 and 403 problems, shared by the security filters and the exception handler. */
public final class SecurityProblems {

    private SecurityProblems() {
    }

    public static ProblemDetail unauthorized() {
        return Problems.of(HttpStatus.UNAUTHORIZED, "niet-ingelogd", "Niet ingelogd",
                "Log in om de kennisbank te gebruiken.");
    }

    public static ProblemDetail forbidden() {
        return Problems.of(HttpStatus.FORBIDDEN, "geen-toegang", "Geen toegang",
                "Uw rol geeft geen toegang tot deze functie.");
    }
}
