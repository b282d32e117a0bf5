package nl.duiding.connector.sidebar;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import nl.duiding.connector.security.LaunchContext;
import nl.duiding.connector.security.LaunchLinks;
import nl.duiding.connector.security.LaunchRefused;
import nl.duiding.connector.security.SidebarSessions;
import nl.duiding.connector.web.RateLimiter;

/**
 * The sidebar page. The CRM opens it with a launch link ({@code GET /sidebar?launch=…} as iframe source, or a form
 * POST with field {@code launch} so notes stay out of URLs and logs); a refused link gets a Dutch page saying why.
 */
@Controller
class SidebarController {

    private static final Logger log = LoggerFactory.getLogger(SidebarController.class);

    private final LaunchLinks launchLinks;
    private final SidebarSessions sessions;
    private final PageHeaders headers;

    SidebarController(LaunchLinks launchLinks, SidebarSessions sessions, PageHeaders headers) {
        this.launchLinks = launchLinks;
        this.sessions = sessions;
        this.headers = headers;
    }

    @GetMapping("/sidebar")
    String open(@RequestParam(name = "launch", required = false) String launch, Model model,
            HttpServletResponse response) {
        return render(launch, model, response);
    }

    @PostMapping(path = "/sidebar", consumes = "application/x-www-form-urlencoded")
    String openByForm(@RequestParam(name = "launch", required = false) String launch, Model model,
            HttpServletResponse response) {
        return render(launch, model, response);
    }

    /**
     * A launch link the container could not decode ({@code %zz} in the address or the form): the refusal page, 400.
     * The exception's message quotes the value, so it is not logged.
     */
    @ExceptionHandler(InvalidParameterException.class)
    String undecodable(Model model, HttpServletResponse response) {
        headers.apply(response, null);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("reason", "ongeldig");
        model.addAttribute("message", LaunchRefused.Reason.ONGELDIG.message());
        return "refused";
    }

    /** Where the rate limiter sends a sidebar page over its limit: a Dutch page, 429, Retry-After already set. */
    @RequestMapping(RateLimiter.SLOW_DOWN_PAGE)
    String slowDown(HttpServletRequest request, Model model, HttpServletResponse response) {
        if (!(request.getAttribute(RateLimiter.PAGE_RETRY_AFTER) instanceof Long seconds)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        headers.apply(response, null);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        model.addAttribute("heading", "Even geduld");
        model.addAttribute("reason", "te-veel-verzoeken");
        model.addAttribute("message", "Vanaf deze plek werd de zijbalk in korte tijd te vaak geopend. Probeer het over "
                + seconds + " seconde(n) opnieuw.");
        return "refused";
    }

    private String render(String launch, Model model, HttpServletResponse response) {
        LaunchContext context;
        try {
            context = launchLinks.open(launch);
        } catch (LaunchRefused refused) {
            // The reason, never the token: it may carry notes.
            log.info("launch link refused: {}", refused.reason());
            headers.apply(response, null);
            response.setStatus(refused.reason() == LaunchRefused.Reason.ONTBREEKT
                    ? HttpStatus.BAD_REQUEST.value() : HttpStatus.UNAUTHORIZED.value());
            model.addAttribute("reason", refused.reason().name().toLowerCase(java.util.Locale.ROOT));
            model.addAttribute("message", refused.reason().message());
            return "refused";
        }
        headers.apply(response, context.tenant());
        model.addAttribute("token", sessions.issue(context));
        model.addAttribute("channel", context.channel());
        model.addAttribute("channelLabel", ChannelLabels.label(context.channel()));
        model.addAttribute("subject", context.subject());
        model.addAttribute("notes", context.notes());
        model.addAttribute("hasResident", context.residentHash() != null);
        return "sidebar";
    }
}
