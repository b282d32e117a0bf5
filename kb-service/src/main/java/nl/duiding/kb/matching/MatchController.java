package nl.duiding.kb.matching;

import nl.duiding.kb.narrative.TenantCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
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

    MatchController(MatchService service, MatchProperties properties) {
        this.service = service;
        this.properties = properties;
    }

    @PostMapping("/match")
    MatchResponse match(@RequestBody MatchRequest request) {
        if (request.text() == null || request.text().isBlank()) {
            throw problem(HttpStatus.BAD_REQUEST, "Geen tekst", "Geef de tekst mee die herkend moet worden (veld text).");
        }
        if (request.text().length() > properties.maxTextLength()) {
            throw problem(HttpStatus.CONTENT_TOO_LARGE, "Tekst te lang", "De tekst is " + request.text().length()
                    + " tekens; het maximum is " + properties.maxTextLength() + ".");
        }
        if (request.text().indexOf('\u0000') >= 0) {
            throw problem(HttpStatus.BAD_REQUEST, "Ongeldige tekst", "De tekst bevat binaire gegevens.");
        }
        ContactChannel channel;
        try {
            channel = request.channel() == null ? ContactChannel.TELEFOON : ContactChannel.fromCode(request.channel());
        } catch (IllegalArgumentException e) {
            throw problem(HttpStatus.BAD_REQUEST, "Onbekend kanaal",
                    "Kanaal moet telefoon, balie, email, chat of brief zijn.");
        }
        TenantCode tenant;
        try {
            tenant = request.tenant() == null || request.tenant().isBlank() ? null : new TenantCode(request.tenant());
        } catch (IllegalArgumentException e) {
            throw problem(HttpStatus.BAD_REQUEST, "Onbekende gemeente",
                    "Tenant moet 'nationaal' of een gemeentecode zijn, zoals GM0363.");
        }
        return service.match(request.text(), channel, tenant);
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
