package nl.duiding.kb.editor;

import java.io.IOException;
import java.io.UncheckedIOException;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import jakarta.servlet.http.HttpServletResponse;
import nl.duiding.kb.narrative.ForeignTenant;
import nl.duiding.kb.narrative.NarrativeNotFound;
import nl.duiding.kb.narrative.RevisionNotFound;
import nl.duiding.kb.security.Actor;
import nl.duiding.kb.security.CurrentUser;
import nl.duiding.kb.web.ScrubbedFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * For the editor's pages: who is logged in (for the header) and errors as Dutch pages rather than the API's problem
 * JSON. Placed before the API's advice; it only covers this package's controllers.
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    private final CurrentUser currentUser;
    private final ScrubbedFailures failures;

    PageErrors(CurrentUser currentUser, ScrubbedFailures failures) {
        this.currentUser = currentUser;
        this.failures = failures;
    }

    @ModelAttribute("user")
    Actor user() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return null;
        }
        return currentUser.get();
    }

    @ExceptionHandler({NarrativeNotFound.class, RevisionNotFound.class, NoResourceFoundException.class})
    String notFound(Model model, HttpServletResponse response) {
        return page(model, response, HttpStatus.NOT_FOUND, "Niet gevonden",
                "Dit verhaal of deze versie bestaat niet, of hoort bij een andere organisatie.");
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            org.apache.tomcat.util.http.InvalidParameterException.class,
            org.springframework.web.multipart.MultipartException.class,
            org.springframework.http.converter.HttpMessageNotReadableException.class})
    String badAddress(Model model, HttpServletResponse response) {
        return page(model, response, HttpStatus.BAD_REQUEST, "Ongeldig adres",
                "Dit adres klopt niet. Ga terug naar het overzicht en kies het verhaal opnieuw.");
    }

    @ExceptionHandler(ForeignTenant.class)
    String foreign(Model model, HttpServletResponse response) {
        return page(model, response, HttpStatus.FORBIDDEN, "Geen toegang",
                "U kunt alleen verhalen van uw eigen organisatie bewerken.");
    }

    @ExceptionHandler({ElasticsearchException.class, TransportException.class, UncheckedIOException.class,
            IOException.class})
    String storage(Exception e, Model model, HttpServletResponse response) {
        log.error("Storage failed on an editor page: {}", failures.describe(e));
        return page(model, response, HttpStatus.SERVICE_UNAVAILABLE, "Tijdelijk niet beschikbaar",
                "De kennisbank kan de opslag nu niet bereiken. Uw invoer is niet opgeslagen; probeer het zo opnieuw.");
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, Model model, HttpServletResponse response) {
        log.error("Unexpected error on an editor page: {}", failures.describe(e));
        return page(model, response, HttpStatus.INTERNAL_SERVER_ERROR, "Er ging iets mis",
                "Er ging iets mis aan onze kant. Probeer het opnieuw; blijft het misgaan, meld het dan bij de beheerder.");
    }

    private String page(Model model, HttpServletResponse response, HttpStatus status, String heading,
            String message) {
        response.setStatus(status.value());
        model.addAttribute("user", user());
        model.addAttribute("title", heading);
        model.addAttribute("heading", heading);
        model.addAttribute("message", message);
        return "redactie/fout";
    }
}
