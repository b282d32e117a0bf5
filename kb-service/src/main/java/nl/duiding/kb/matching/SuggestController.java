package nl.duiding.kb.matching;

import java.util.List;

import nl.duiding.kb.narrative.TenantCode;
import nl.duiding.kb.security.CurrentUser;
import nl.duiding.kb.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/suggest?q=}: narratives as the agent types, for the sidebar's search box. */
@RestController
@RequestMapping("/api/v1")
class SuggestController {

    private static final int MAX_QUERY = 200;

    private final Suggestions suggestions;
    private final CurrentUser currentUser;

    SuggestController(Suggestions suggestions, CurrentUser currentUser) {
        this.suggestions = suggestions;
        this.currentUser = currentUser;
    }

    /**
     * @param tenant the municipality whose local narratives count besides the national ones; the caller's own when
     *               absent. kcc-connector, a national account, names the municipality of the contact.
     */
    @GetMapping("/suggest")
    SuggestResponse suggest(@RequestParam("q") String typed,
            @RequestParam(name = "size", defaultValue = "8") int size,
            @RequestParam(name = "tenant", required = false) String tenant) {
        TenantCode viewer = currentUser.actingFor(tenant);
        String query = typed.strip();
        if (query.length() > MAX_QUERY) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST,
                    "zoekterm-te-lang", "Zoekterm te lang", "Typ maximaal " + MAX_QUERY + " tekens; plak langere "
                            + "teksten in het veld voor herkenning."), null);
        }
        if (query.length() < 2) {
            return new SuggestResponse(List.of());
        }
        return new SuggestResponse(suggestions.suggest(query, viewer, Math.clamp(size, 1, 20)));
    }

    record SuggestResponse(List<Suggestions.Suggestion> suggestions) {
    }
}
