package nl.duiding.kb.signal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import nl.duiding.kb.matching.ContactChannel;
import nl.duiding.kb.narrative.NarrativeRecord;
import nl.duiding.kb.narrative.PublishedNarratives;
import nl.duiding.kb.narrative.Slug;
import nl.duiding.kb.narrative.TenantCode;
import nl.duiding.kb.security.Actor;
import nl.duiding.kb.security.CurrentUser;
import nl.duiding.kb.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * What the connector reports: contacts ({@code POST /api/v1/signals}), one-click feedback
 * ({@code POST /api/v1/feedback}), a resident's earlier contacts ({@code GET /api/v1/residents/{hash}/history}) and
 * a resident's erasure ({@code DELETE /api/v1/residents/{hash}}).
 */
@RestController
@RequestMapping("/api/v1")
class SignalController {

    private static final Set<String> FEEDBACK_KINDS = Set.of("getoond", "gebruikt", "hielp", "hielp-niet",
            "ander-onderwerp");
    private static final Set<String> FEEDBACK_FIELDS = Set.of("tenant", "slug", "channel", "kind", "contactId",
            "residentHash");

    private final SignalIntake intake;
    private final ResidentHistory history;
    private final ResidentErasure erasure;
    private final FeedbackStore feedback;
    private final PublishedNarratives narratives;
    private final SignalProperties properties;
    private final CurrentUser currentUser;

    SignalController(SignalIntake intake, ResidentHistory history, ResidentErasure erasure, FeedbackStore feedback,
            PublishedNarratives narratives, SignalProperties properties, CurrentUser currentUser) {
        this.intake = intake;
        this.history = history;
        this.erasure = erasure;
        this.feedback = feedback;
        this.narratives = narratives;
        this.properties = properties;
        this.currentUser = currentUser;
    }

    @PostMapping("/signals")
    SignalIntake.BatchResult signals(@RequestBody JsonNode body) {
        JsonNode signals = body == null ? null : body.get("signals");
        if (signals == null || !signals.isArray()) {
            throw problem(HttpStatus.BAD_REQUEST, "ongeldige-inhoud", "Ongeldige inhoud",
                    "Stuur een JSON-object met een lijst 'signals'.");
        }
        if (signals.size() > properties.maxBatch()) {
            throw problem(HttpStatus.CONTENT_TOO_LARGE, "te-veel-signalen", "Te veel signalen", "Stuur ten hoogste "
                    + properties.maxBatch() + " signalen per aanvraag; deze aanvraag had er " + signals.size() + ".");
        }
        Actor actor = currentUser.get();
        List<JsonNode> items = new ArrayList<>(signals.size());
        for (JsonNode item : signals) {
            items.add(item);
        }
        if (!actor.tenant().isNational()) {
            // A municipality's own account may only report its own contacts.
            for (JsonNode item : items) {
                JsonNode tenant = item.get("tenant");
                if (tenant != null && tenant.isString() && !tenant.asString().equals(actor.tenant().value())) {
                    throw problem(HttpStatus.FORBIDDEN, "andere-organisatie", "Geen toegang tot deze organisatie",
                            "U kunt alleen contacten van uw eigen organisatie (" + actor.tenant() + ") melden.");
                }
            }
        }
        return intake.accept(items);
    }

    @PostMapping("/feedback")
    ResponseEntity<Void> feedback(@RequestBody JsonNode body) {
        if (body == null || !body.isObject()) {
            throw problem(HttpStatus.BAD_REQUEST, "ongeldige-inhoud", "Ongeldige inhoud", "Stuur een JSON-object.");
        }
        for (String field : body.propertyNames()) {
            if (!FEEDBACK_FIELDS.contains(field)) {
                throw problem(HttpStatus.BAD_REQUEST, "onbekend-veld", "Onbekend veld",
                        "Het veld '" + field + "' bestaat niet in feedback.");
            }
        }
        TenantCode tenant = currentUser.municipality(text(body, "tenant"));
        String kind = text(body, "kind");
        if (kind == null || !FEEDBACK_KINDS.contains(kind)) {
            throw problem(HttpStatus.BAD_REQUEST, "ongeldige-waarde", "Ongeldige waarde",
                    "Soort feedback moet getoond, gebruikt, hielp, hielp-niet of ander-onderwerp zijn.");
        }
        ContactChannel channel;
        try {
            channel = ContactChannel.fromCode(text(body, "channel"));
        } catch (IllegalArgumentException e) {
            throw problem(HttpStatus.BAD_REQUEST, "onbekend-kanaal", "Onbekend kanaal",
                    "Kanaal moet telefoon, balie, email, chat of brief zijn.");
        }
        String slug = text(body, "slug");
        Optional<NarrativeRecord> shown;
        try {
            shown = slug == null ? Optional.empty() : narratives.find(new Slug(slug), tenant);
        } catch (IllegalArgumentException e) {
            shown = Optional.empty();
        }
        if (shown.isEmpty()) {
            throw problem(HttpStatus.UNPROCESSABLE_CONTENT, "onbekend-verhaal", "Onbekend verhaal",
                    "Er is geen gepubliceerd verhaal '" + slug + "' voor " + tenant + ".");
        }
        feedback.record(tenant.value(), shown.get().tenant().value(), slug, channel.code(), channel.scriptChannel().code(), kind);
        return ResponseEntity.accepted().build();
    }

    @GetMapping("/residents/{residentHash}/history")
    ResidentHistory.History history(@PathVariable String residentHash,
            @RequestParam(required = false) String tenant) {
        return history.of(checked(residentHash), currentUser.municipality(tenant));
    }

    /** A resident's request to be forgotten: their contacts' texts go now, not when the retention ends. */
    @DeleteMapping("/residents/{residentHash}")
    Erased erase(@PathVariable String residentHash, @RequestParam(required = false) String tenant) {
        return new Erased(erasure.erase(checked(residentHash), currentUser.municipality(tenant)));
    }

    /** @param erased how many contacts of the resident were erased (0 when none were stored) */
    record Erased(int erased) {
    }

    private static String checked(String residentHash) {
        if (!residentHash.matches("[A-Za-z0-9_=+-]{16,128}")) {
            throw problem(HttpStatus.BAD_REQUEST, "ongeldige-parameter", "Ongeldige parameter",
                    "De inwonercode moet een sleutel-hash zijn (16 tot 128 tekens).");
        }
        return residentHash;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }

    static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
        return new ErrorResponseException(status, Problems.of(status, type, title, detail), null);
    }
}
