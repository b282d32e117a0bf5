package nl.duiding.kb.matching;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import nl.duiding.kb.narrative.TenantCode;
import nl.duiding.kb.security.CurrentUser;
import nl.duiding.kb.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/match}: which known narratives a text is about, with the script for the channel. */
@RestController
@RequestMapping("/api/v1")
class MatchController {

    private final MatchService service;
    private final MatchProperties properties;
    private final CurrentUser currentUser;

    MatchController(MatchService service, MatchProperties properties, CurrentUser currentUser) {
        this.service = service;
        this.properties = properties;
        this.currentUser = currentUser;
    }

    /** Also answers a {@code Server-Timing} header with the time spent matching, for benchmarks and monitoring. */
    @PostMapping("/match")
    MatchResponse match(@RequestBody MatchRequest request, HttpServletResponse response) {
        long start = System.nanoTime();
        String text = request.text();
        if (text == null || text.isBlank()) {
            throw problem(HttpStatus.BAD_REQUEST, "tekst-ontbreekt", "Geen tekst",
                    "Geef de tekst mee die herkend moet worden (veld text).");
        }
        if (text.length() > properties.maxTextLength()) {
            throw problem(HttpStatus.CONTENT_TOO_LARGE, "tekst-te-lang", "Tekst te lang", "De tekst is "
                    + text.length() + " tekens; het maximum is " + properties.maxTextLength() + ".");
        }
        if (text.chars().anyMatch(c -> c == 0 || (Character.isISOControl(c) && !Character.isWhitespace(c)))) {
            throw problem(HttpStatus.BAD_REQUEST, "ongeldige-tekst", "Ongeldige tekst",
                    "De tekst bevat binaire gegevens of stuurtekens; plak alleen gewone tekst.");
        }
        MatchResponse result = service.match(text, channel(request.channel()), tenant(request.tenant()));
        response.setHeader("Server-Timing", String.format(Locale.ROOT, "match;dur=%.1f",
                (System.nanoTime() - start) / 1e6));
        return result;
    }

    private static ContactChannel channel(String code) {
        if (code == null || code.isBlank()) {
            return ContactChannel.TELEFOON;
        }
        try {
            return ContactChannel.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw problem(HttpStatus.BAD_REQUEST, "onbekend-kanaal", "Onbekend kanaal",
                    "Kanaal moet telefoon, balie, email, chat of brief zijn.");
        }
    }

    /** The tenant whose narratives count, as for every read ({@link CurrentUser#actingFor}). */
    private TenantCode tenant(String code) {
        if (code == null || code.isBlank()) {
            return currentUser.actingFor((TenantCode) null);
        }
        TenantCode requested;
        try {
            requested = new TenantCode(code);
        } catch (IllegalArgumentException e) {
            throw problem(HttpStatus.BAD_REQUEST, "onbekende-organisatie", "Onbekende gemeente",
                    "Tenant moet 'nationaal' of een gemeentecode zijn, zoals GM0363.");
        }
        return currentUser.actingFor(requested);
    }

    private static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
        return new ErrorResponseException(status, Problems.of(status, type, title, detail), null);
    }
}
