package nl.duiding.connector.web;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import nl.duiding.connector.kb.KbRejected;
import nl.duiding.connector.kb.KbUnavailable;

/**
 * Every error of the connector's JSON endpoints as a problem detail in Dutch; never a stack trace, never a 500 body.
 * Nothing from a request reaches the log: exception messages of parsers and the container quote the input (what a
 * resident said, a launch link), so only exception classes and code locations are logged.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(KbUnavailable.class)
    ResponseEntity<ProblemDetail> unavailable(KbUnavailable e) {
        log.warn("kb-service unavailable: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "kennisbank-onbereikbaar",
                        "Kennisbank tijdelijk niet bereikbaar",
                        "De kennisbank kan dit nu niet verwerken. Probeer het over een halve minuut opnieuw."));
    }

    @ExceptionHandler(KbRejected.class)
    ResponseEntity<ProblemDetail> rejected(KbRejected e) {
        HttpStatus status = e.status() == 404 ? HttpStatus.NOT_FOUND
                : e.status() == 413 ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status)
                .body(Problems.of(status, e.type().isBlank() ? "geweigerd" : e.type(), e.title(), e.detail()));
    }

    /** A parameter the container could not decode ({@code %zz}); its message quotes the value, so it is not logged. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodable(InvalidParameterException e) {
        return ResponseEntity.badRequest().body(ErrorEndpoint.undecodableParameter());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeFilter.BodyTooLarge tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                        .body(RequestSizeFilter.tooLarge(tooLarge.limit));
            }
        }
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "ongeldige-json",
                "Ongeldige inhoud", "De inhoud is geen geldige JSON of mist verplichte velden."));
    }

    /**
     * Spring MVC's own refusals (unknown address, method, media type, missing parameter…) keep their status and get
     * the Dutch problem of the error endpoint instead of Spring's English text, which names what was sent.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (ours(body) || (body == null && ex instanceof ErrorResponse phrased && ours(phrased.getBody()))) {
            // A problem a controller phrased itself (Problems.of): it stays as it is.
            return super.handleExceptionInternal(ex, body, headers, statusCode, request);
        }
        HttpStatus status = HttpStatus.resolve(statusCode.value());
        ProblemDetail problem = ErrorEndpoint.problemFor(status == null ? HttpStatus.BAD_REQUEST : status);
        return super.handleExceptionInternal(ex, problem, headers, statusCode, request);
    }

    private static boolean ours(Object body) {
        return body instanceof ProblemDetail problem && problem.getType() != null
                && problem.getType().toString().startsWith(Problems.TYPE_BASE);
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
        log.error("unexpected error: {}", Failures.describe(e));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                "tijdelijke-storing", "Tijdelijke storing", "Er ging iets mis aan onze kant. Probeer het opnieuw."));
    }
}
