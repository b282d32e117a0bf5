package nl.duiding.connector.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import nl.duiding.connector.kb.KbRejected;
import nl.duiding.connector.kb.KbUnavailable;

/** Every error of the connector's JSON endpoints as a problem detail in Dutch; never a stack trace, never a 500 body. */
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

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
        log.error("unexpected error", e);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                "tijdelijke-storing", "Tijdelijke storing", "Er ging iets mis aan onze kant. Probeer het opnieuw."));
    }
}
