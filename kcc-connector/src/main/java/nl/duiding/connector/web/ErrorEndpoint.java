package nl.duiding.connector.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the servlet container's error dispatch answers: failures before a controller runs (the container refusing a
 * malformed request, a filter failing on a body). Browsers get a Dutch page, everything else a problem detail; neither
 * ever carries an exception, a message or a stack trace. It replaces Spring Boot's own error controller, which answers
 * a direct request for {@code /error} with a 500 and browsers with its English "Whitelabel" page.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ErrorEndpoint implements ErrorController {

    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request) {
        HttpStatus status = status(request);
        ProblemDetail problem = problemFor(status);
        return new ModelAndView("error", Map.of("status", status.value(), "title", problem.getTitle(), "detail",
                problem.getDetail()), status);
    }

    @RequestMapping
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problemFor(status));
    }

    /**
     * The status the container set, unless the failure was the caller's: a body over its limit or a form the container
     * could not decode fail before any exception handler runs, and the container calls that a 500. A direct request
     * for the error address finds nothing there: 404.
     */
    private static HttpStatus status(HttpServletRequest request) {
        for (Object cause = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION); cause instanceof Throwable t;
                cause = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RequestSizeFilter.BodyTooLarge) {
                return HttpStatus.CONTENT_TOO_LARGE;
            }
            if (t instanceof HttpMessageNotReadableException || t instanceof InvalidParameterException) {
                return HttpStatus.BAD_REQUEST;
            }
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer value) {
            HttpStatus status = HttpStatus.resolve(value);
            if (status != null && status.isError()) {
                return status;
            }
        }
        return HttpStatus.NOT_FOUND;
    }

    static ProblemDetail undecodableParameter() {
        return Problems.of(HttpStatus.BAD_REQUEST, "ongeldige-parameter", "Ongeldige parameter",
                "Een parameter in het adres of de inhoud is niet goed gecodeerd (bijvoorbeeld een losse %).");
    }

    static ProblemDetail problemFor(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> Problems.of(status, "niet-gevonden", "Niet gevonden", "Op dit adres is niets te vinden.");
            case METHOD_NOT_ALLOWED -> Problems.of(status, "methode-niet-toegestaan", "Methode niet toegestaan",
                    "Deze methode kan niet op dit adres.");
            case NOT_ACCEPTABLE -> Problems.of(status, "niet-leverbaar", "Niet leverbaar",
                    "Dit adres levert JSON (application/json of application/problem+json).");
            case CONTENT_TOO_LARGE -> Problems.of(status, "te-groot", "Aanvraag te groot",
                    "De inhoud van de aanvraag is groter dan toegestaan.");
            case UNSUPPORTED_MEDIA_TYPE -> Problems.of(status, "mediatype-niet-ondersteund",
                    "Soort inhoud niet ondersteund", "Stuur de inhoud als application/json.");
            case UNAUTHORIZED -> Problems.of(status, "niet-geautoriseerd", "Niet geautoriseerd",
                    "Dit verzoek mist een geldige handtekening of sleutel.");
            default -> status.is4xxClientError()
                    ? Problems.of(status, "ongeldige-aanvraag", "Ongeldige aanvraag",
                            "De aanvraag kan niet worden verwerkt: controleer het adres, de kopregels en de inhoud.")
                    : Problems.of(status, "interne-fout", "Er ging iets mis", "Er ging iets mis aan onze kant. "
                            + "Probeer het opnieuw; blijft het misgaan, meld het dan bij de functioneel beheerder.");
        };
    }
}
