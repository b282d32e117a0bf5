package nl.duiding.connector.sidebar;

import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.duiding.connector.cache.PublishedScriptCache;
import nl.duiding.connector.kb.Answer;
import nl.duiding.connector.kb.KbApi;
import nl.duiding.connector.kb.KnowledgeBase;
import nl.duiding.connector.klantinteracties.WriteBack;
import nl.duiding.connector.security.LaunchContext;
import nl.duiding.connector.security.SidebarSessions;
import nl.duiding.connector.web.Problems;

/**
 * What the sidebar's script asks the connector, with the page token as {@code Authorization: Bearer}. Tenant,
 * channel and resident come from the token, never from the browser. Every answer says whether it is degraded
 * (from the cache because kb-service is slow or down).
 */
@RestController
@RequestMapping("/sidebar/api")
class SidebarApiController {

    private static final Set<String> FEEDBACK = Set.of("getoond", "gebruikt", "hielp", "hielp-niet", "ander-onderwerp");
    private static final int MAX_TEXT = 10_000;

    private final SidebarSessions sessions;
    private final KnowledgeBase kb;
    private final PublishedScriptCache cache;
    private final WriteBack writeBack;

    SidebarApiController(SidebarSessions sessions, KnowledgeBase kb, PublishedScriptCache cache, WriteBack writeBack) {
        this.sessions = sessions;
        this.kb = kb;
        this.cache = cache;
        this.writeBack = writeBack;
    }

    record Suggestions(boolean degraded, String cachedAt, List<KbApi.Suggestion> suggestions) {
    }

    record Matches(boolean degraded, String cachedAt, List<KbApi.Match> matches, List<KbApi.Campaign> belacties) {
    }

    record Card(boolean degraded, String cachedAt, String slug, String title, String summary, String category,
            String risk, KbApi.Script script, String legalPosition, List<String> safetySignals) {
    }

    record Context(boolean degraded, String cachedAt, List<KbApi.EarlierContact> history,
            List<KbApi.Campaign> campaigns) {
    }

    record MatchText(String text) {
    }

    record FeedbackClick(String slug, String kind) {
    }

    @GetMapping("/suggest")
    Suggestions suggest(@RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestParam("q") String typed) {
        LaunchContext context = session(authorization);
        String query = typed.strip();
        if (query.length() < 2) {
            return new Suggestions(false, null, List.of());
        }
        if (query.length() > 200) {
            throw Problems.badRequest("zoekterm-te-lang", "Zoekterm te lang",
                    "Typ maximaal 200 tekens; plak langere teksten in het veld 'Plak tekst'.");
        }
        Answer<List<KbApi.Suggestion>> answer = kb.suggest(query, 8, context.tenant());
        return new Suggestions(answer.degraded(), cachedAt(answer), answer.value());
    }

    @PostMapping(path = "/match", consumes = MediaType.APPLICATION_JSON_VALUE)
    Matches match(@RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestBody MatchText body) {
        LaunchContext context = session(authorization);
        String text = body == null || body.text() == null ? "" : body.text().strip();
        if (text.isEmpty()) {
            throw Problems.badRequest("tekst-ontbreekt", "Geen tekst", "Plak of typ eerst een tekst om te herkennen.");
        }
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
        }
        Answer<KbApi.MatchResponse> answer = kb.match(text, context.channel(), context.tenant());
        return new Matches(answer.degraded(), cachedAt(answer), answer.value().matches(),
                answer.value().belacties());
    }

    @GetMapping("/narratives/{slug}")
    Card narrative(@RequestHeader(name = "Authorization", required = false) String authorization,
            @PathVariable String slug) {
        LaunchContext context = session(authorization);
        if (!slug.matches("[a-z0-9][a-z0-9-]{0,99}")) {
            throw Problems.notFound();
        }
        Answer<KbApi.Narrative> answer = kb.narrative(slug, context.tenant());
        KbApi.Narrative n = answer.value();
        if (n == null) {
            throw Problems.notFound();
        }
        String scriptChannel = PublishedScriptCache.scriptChannel(context.channel());
        KbApi.Script script = n.scripts() == null ? null : n.scripts().get(scriptChannel);
        return new Card(answer.degraded(), cachedAt(answer), n.slug(), n.title(), n.summary(), n.category(), n.risk(),
                script, n.legalPosition(), n.safetySignals());
    }

    @GetMapping("/context")
    Context context(@RequestHeader(name = "Authorization", required = false) String authorization) {
        LaunchContext context = session(authorization);
        Answer<KbApi.Campaigns> campaigns = kb.activeCampaigns(context.tenant());
        List<KbApi.EarlierContact> history = List.of();
        boolean degraded = campaigns.degraded();
        if (context.residentHash() != null) {
            Answer<KbApi.History> earlier = kb.history(context.residentHash(), context.tenant());
            history = earlier.value().contacts();
            degraded |= earlier.degraded();
            if (context.previousResidentHash() != null) {
                // A key transition: contacts from before the rotation are stored under the previous hash.
                Answer<KbApi.History> before = kb.history(context.previousResidentHash(), context.tenant());
                history = EarlierContacts.merge(history, before.value().contacts());
                degraded |= before.degraded();
            }
        }
        return new Context(degraded, degraded ? cachedAt() : null, history, campaigns.value().campaigns());
    }

    @PostMapping(path = "/feedback", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> feedback(@RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestBody FeedbackClick click) {
        LaunchContext context = session(authorization);
        if (click == null || click.slug() == null || !click.slug().matches("[a-z0-9][a-z0-9-]{0,99}")
                || !FEEDBACK.contains(click.kind())) {
            throw Problems.badRequest("ongeldige-feedback", "Ongeldige feedback",
                    "Feedback is gebruikt, hielp, hielp-niet of ander-onderwerp, bij een getoond verhaal.");
        }
        kb.feedback(new KbApi.Feedback(context.tenant(), click.slug(),
                PublishedScriptCache.scriptChannel(context.channel()), click.kind(), context.contactId(),
                context.residentHash()));
        if ("gebruikt".equals(click.kind()) || "hielp".equals(click.kind())) {
            writeBack.recordNarrative(context.tenant(), context.contactId(), click.slug());
        }
        return ResponseEntity.accepted().build();
    }

    private LaunchContext session(String authorization) {
        if (authorization != null && authorization.startsWith("Bearer ")) {
            var context = sessions.verify(authorization.substring("Bearer ".length()).strip());
            if (context.isPresent()) {
                return context.get();
            }
        }
        throw new ErrorResponseException(HttpStatus.UNAUTHORIZED, Problems.of(HttpStatus.UNAUTHORIZED,
                "sessie-verlopen", "Zijbalk verlopen", "Open de zijbalk opnieuw vanuit het klantcontact in uw CRM."),
                null);
    }

    private String cachedAt(Answer<?> answer) {
        return answer.degraded() ? cachedAt() : null;
    }

    private String cachedAt() {
        var at = cache.snapshot().refreshedAt();
        return at == null ? null : at.toString();
    }
}
