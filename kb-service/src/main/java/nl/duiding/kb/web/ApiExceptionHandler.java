package nl.duiding.kb.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import nl.duiding.kb.narrative.FourEyesViolation;
import nl.duiding.kb.narrative.ForeignTenant;
import nl.duiding.kb.narrative.InvalidNarrative;
import nl.duiding.kb.narrative.NarrativeAlreadyExists;
import nl.duiding.kb.narrative.NarrativeNotFound;
import nl.duiding.kb.narrative.RevisionNotFound;
import nl.duiding.kb.narrative.StaleEntityTag;
import nl.duiding.kb.narrative.WorkflowViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Every error kb-service answers, as an RFC 9457 problem detail with a Dutch title and detail. Bad input never
 * becomes a 500 and no response carries a stack trace; unexpected failures are logged here and answered with a
 * generic problem.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ScrubbedFailures failures;

    ApiExceptionHandler(ScrubbedFailures failures) {
        this.failures = failures;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        JacksonException jackson = null;
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            // Jackson wraps the read error of a body over the limit; the limit is what the client must hear.
            if (cause instanceof RequestSizeFilter.BodyTooLarge tooLarge) {
                return respond(RequestSizeFilter.tooLarge(tooLarge.limit));
            }
            if (jackson == null && cause instanceof JacksonException j) {
                jackson = j;
            }
        }
        return respond(bodyProblem(jackson));
    }

    private static ProblemDetail bodyProblem(JacksonException e) {
        if (e == null) {
            return Problems.of(HttpStatus.BAD_REQUEST, "ongeldige-inhoud", "Ongeldige inhoud",
                    "De aanvraag heeft geen inhoud, of de inhoud is geen leesbare JSON.");
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return field(Problems.of(HttpStatus.BAD_REQUEST, "onbekend-veld", "Onbekend veld",
                    "Het veld '" + path(unknown) + "' bestaat niet. Toegestaan zijn alleen de velden uit de "
                            + "API-beschrijving."), path(unknown));
        }
        if (e instanceof InvalidFormatException || e instanceof ValueInstantiationException
                || (e instanceof MismatchedInputException && e instanceof DatabindException bind
                        && !bind.getPath().isEmpty())) {
            String field = path((DatabindException) e);
            return field(Problems.of(HttpStatus.BAD_REQUEST, "ongeldige-waarde", "Ongeldige waarde",
                    "Het veld '" + field + "' heeft een waarde die hier niet kan: controleer de toegestane "
                            + "waarden en het type in de API-beschrijving."), field);
        }
        if (e instanceof StreamReadException) {
            return Problems.of(HttpStatus.BAD_REQUEST, "ongeldige-json", "Ongeldige JSON",
                    "De inhoud is geen geldige JSON (of bevat binaire gegevens).");
        }
        return Problems.of(HttpStatus.BAD_REQUEST, "ongeldige-inhoud", "Ongeldige inhoud",
                "De inhoud van de aanvraag kan niet worden gelezen.");
    }

    private static ProblemDetail field(ProblemDetail problem, String field) {
        problem.setProperty("errors", List.of(Map.of("field", field)));
        return problem;
    }

    private static String path(DatabindException e) {
        StringBuilder path = new StringBuilder();
        e.getPath().forEach(ref -> {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        });
        return path.isEmpty() ? "(hoofdniveau)" : path.toString();
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "mediatype-niet-ondersteund",
                "Soort inhoud niet ondersteund", "Stuur de inhoud als application/json."));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return respond(Problems.of(HttpStatus.NOT_ACCEPTABLE, "niet-aanvaardbaar", "Antwoordformaat niet beschikbaar",
                "Deze API antwoordt met application/json."));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return respond(Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "methode-niet-toegestaan", "Methode niet toegestaan",
                "De methode " + e.getMethod() + " kan niet op dit adres."));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return respond(Problems.of(HttpStatus.NOT_FOUND, "niet-gevonden", "Niet gevonden",
                "Op dit adres is niets te vinden."));
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ProblemDetail> parameter(Exception e) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : ((MissingServletRequestParameterException) e).getParameterName();
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "ongeldige-parameter", "Ongeldige parameter",
                "De parameter '" + name + "' ontbreekt of heeft een ongeldige waarde."));
    }

    /** A multipart body that cannot be parsed, or is over the limit: no endpoint takes multipart, but Spring reads it. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e) {
        if (e instanceof MaxUploadSizeExceededException) {
            return respond(ErrorEndpoint.problemFor(HttpStatus.CONTENT_TOO_LARGE));
        }
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "ongeldige-inhoud", "Ongeldige inhoud",
                "De inhoud van de aanvraag kan niet worden gelezen."));
    }

    /** The container could not decode a query or form parameter (e.g. {@code %zz}). */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodable(RuntimeException e) {
        return respond(ErrorEndpoint.undecodableParameter());
    }

    @ExceptionHandler(InvalidParameter.class)
    ResponseEntity<ProblemDetail> invalidParameter(InvalidParameter e) {
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "ongeldige-parameter", "Ongeldige parameter",
                e.detail()));
    }

    @ExceptionHandler(InvalidNarrative.class)
    ResponseEntity<ProblemDetail> invalid(InvalidNarrative e) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "ongeldig-verhaal",
                "Verhaal voldoet niet aan de regels",
                "Het verhaal is niet opgeslagen: " + e.violations().size() + " veld(en) voldoen niet aan de regels.");
        problem.setProperty("errors", e.violations().stream()
                .map(v -> Map.of("field", v.path(), "detail", v.message())).toList());
        return respond(problem);
    }

    @ExceptionHandler(NarrativeNotFound.class)
    ResponseEntity<ProblemDetail> notFound(NarrativeNotFound e) {
        return respond(Problems.of(HttpStatus.NOT_FOUND, "verhaal-niet-gevonden", "Verhaal niet gevonden",
                "Er is geen verhaal '" + e.slug() + "' dat u kunt zien."));
    }

    @ExceptionHandler(RevisionNotFound.class)
    ResponseEntity<ProblemDetail> revisionNotFound(RevisionNotFound e) {
        return respond(Problems.of(HttpStatus.NOT_FOUND, "versie-niet-gevonden", "Versie niet gevonden",
                "Verhaal '" + e.slug() + "' heeft geen versie " + e.version() + "."));
    }

    @ExceptionHandler(NarrativeAlreadyExists.class)
    ResponseEntity<ProblemDetail> exists(NarrativeAlreadyExists e) {
        return respond(Problems.of(HttpStatus.CONFLICT, "verhaal-bestaat-al", "Verhaal bestaat al",
                "Er is al een verhaal '" + e.key().slug() + "'. Wijzig dat verhaal in plaats van een nieuw te maken."));
    }

    @ExceptionHandler(StaleEntityTag.class)
    ResponseEntity<ProblemDetail> stale(StaleEntityTag e) {
        return respond(Problems.of(HttpStatus.PRECONDITION_FAILED, "verouderde-versie", "Verhaal is intussen gewijzigd",
                "Iemand anders heeft verhaal '" + e.key().slug() + "' gewijzigd nadat u het opende. Haal de "
                        + "nieuwste versie op en breng uw wijziging opnieuw aan; er is niets overschreven."));
    }

    @ExceptionHandler(IfMatchRequired.class)
    ResponseEntity<ProblemDetail> ifMatch(IfMatchRequired e) {
        return respond(Problems.of(HttpStatus.PRECONDITION_REQUIRED, "if-match-vereist", "If-Match ontbreekt",
                "Stuur bij een wijziging de ETag van de versie die u wijzigt mee in de header If-Match, zodat "
                        + "niemands werk ongemerkt wordt overschreven."));
    }

    @ExceptionHandler(WorkflowViolation.class)
    ResponseEntity<ProblemDetail> workflow(WorkflowViolation e) {
        return respond(Problems.of(HttpStatus.CONFLICT, "ongeldige-statuswijziging", "Statuswijziging niet mogelijk",
                "Verhaal '" + e.slug() + "' heeft status '" + e.status().code() + "'; de actie '"
                        + e.action().code() + "' kan vanuit die status niet."));
    }

    @ExceptionHandler(FourEyesViolation.class)
    ResponseEntity<ProblemDetail> fourEyes(FourEyesViolation e) {
        return respond(Problems.of(HttpStatus.FORBIDDEN, "vier-ogen", "Vier-ogenprincipe",
                "U heeft verhaal '" + e.slug() + "' zelf als laatste gewijzigd. Een andere eindredacteur moet het "
                        + "publiceren."));
    }

    @ExceptionHandler(ForeignTenant.class)
    ResponseEntity<ProblemDetail> foreignTenant(ForeignTenant e) {
        return respond(Problems.of(HttpStatus.FORBIDDEN, "andere-organisatie", "Geen toegang tot deze organisatie",
                "U kunt alleen verhalen van uw eigen organisatie (" + e.own() + ") bewerken."));
    }

    /** Problems a controller already phrased (Spring's {@link ErrorResponseException}). */
    @ExceptionHandler(ErrorResponseException.class)
    ResponseEntity<ProblemDetail> phrased(ErrorResponseException e) {
        return respond(e.getBody());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return respond(SecurityProblems.forbidden());
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        return respond(SecurityProblems.unauthorized());
    }

    @ExceptionHandler({ElasticsearchException.class, TransportException.class, UncheckedIOException.class,
            IOException.class})
    ResponseEntity<ProblemDetail> storage(Exception e) {
        log.error("Storage failed: {}", failures.describe(e));
        return respond(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "opslag-niet-beschikbaar",
                "Tijdelijk niet beschikbaar", "De kennisbank kan de opslag nu niet bereiken. Probeer het zo opnieuw."));
    }

    /**
     * Input Spring or a value object could not accept before any controller logic ran, e.g. a Content-Type of
     * {@code *}{@code /*} on a request with a body, or a malformed slug: the caller's request, not our failure.
     */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException e) {
        log.warn("Request refused: {}", failures.describe(e));
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "ongeldig-verzoek", "Ongeldig verzoek",
                "Het verzoek kan niet worden verwerkt: controleer de adresregel, de headers en de inhoud."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error: {}", failures.describe(e));
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "interne-fout", "Er ging iets mis",
                "Er ging iets mis aan onze kant. Probeer het opnieuw; blijft het misgaan, meld het dan bij de beheerder."));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
