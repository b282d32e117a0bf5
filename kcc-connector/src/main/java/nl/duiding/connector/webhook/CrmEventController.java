package nl.duiding.connector.webhook;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import nl.duiding.connector.kb.ContactSignals;
import nl.duiding.connector.kb.KbApi;
import nl.duiding.connector.kb.KbRejected;
import nl.duiding.connector.kb.KbUnavailable;
import nl.duiding.connector.security.ResidentHasher;
import nl.duiding.connector.web.Problems;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/crm-events}: contacts pushed by a CRM (Salesforce, Dynamics 365, Zendesk, TOPdesk…), signed
 * with HMAC-SHA256. 401 for a bad or stale signature, 400 with a problem detail for a bad payload (nothing of it is
 * passed on), 503 with Retry-After when kb-service cannot take it (the sender retries; kb-service deduplicates),
 * else 202 with one result per event.
 */
@RestController
class CrmEventController {

    private static final Logger log = LoggerFactory.getLogger(CrmEventController.class);
    private static final int MAX_EVENTS = 1000;
    private static final int MAX_BODY = 2 * 1024 * 1024;
    private static final Set<String> CHANNELS = Set.of("telefoon", "balie", "email", "chat", "brief");

    private final SignedWebhooks webhooks;
    private final ContactSignals signals;
    private final CrmEventMapper mapper;
    private final ResidentHasher hasher;
    private final JsonMapper json;

    CrmEventController(SignedWebhooks webhooks, ContactSignals signals, CrmEventMapper mapper, ResidentHasher hasher,
            JsonMapper json) {
        this.webhooks = webhooks;
        this.signals = signals;
        this.mapper = mapper;
        this.hasher = hasher;
        this.json = json;
    }

    record Result(int index, String id, String status, Map<String, String> problem) {
    }

    record Receipt(int accepted, int duplicates, int rejected, int confidential, List<Result> results) {
    }

    @PostMapping(path = "/api/v1/crm-events", consumes = "application/json")
    ResponseEntity<Receipt> receive(@RequestHeader(name = SignedWebhooks.TENANT, required = false) String tenant,
            @RequestHeader(name = SignedWebhooks.TIMESTAMP, required = false) String timestamp,
            @RequestHeader(name = SignedWebhooks.SIGNATURE, required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        webhooks.verify(tenant, timestamp, signature, raw);
        if (raw.length > MAX_BODY) {
            throw new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE, Problems.of(HttpStatus.CONTENT_TOO_LARGE,
                    "te-groot", "Te groot", "Stuur maximaal " + MAX_EVENTS + " contacten en 2 MB per verzoek."), null);
        }
        CrmEvents events;
        try {
            events = json.readValue(raw, CrmEvents.class);
        } catch (JacksonException e) {
            throw invalid(List.of(Map.of("field", "$", "detail", "De inhoud is geen geldige JSON.")));
        }
        List<Map<String, String>> errors = validate(events);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        var origin = new CrmEventMapper.Origin(events.source() + "-" + tenant.toLowerCase(Locale.ROOT), tenant,
                id -> hasher.hash(tenant, id));
        List<KbApi.Signal> batch = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < events.events().size(); i++) {
            CrmEvents.CrmEvent event = events.events().get(i);
            if (Boolean.TRUE.equals(event.confidential())) {
                results.add(new Result(i, event.id(), "vertrouwelijk", null));
                continue;
            }
            batch.add(mapper.toSignal(event, origin));
            positions.add(i);
            results.add(null);
        }
        int accepted = 0;
        int duplicates = 0;
        int rejected = 0;
        if (!batch.isEmpty()) {
            List<KbApi.SignalResult> answers;
            try {
                answers = signals.send(batch);
            } catch (KbUnavailable | KbRejected e) {
                log.warn("kb-service did not take {} webhook events of {}: {}", batch.size(), tenant, e.getMessage());
                throw Problems.unavailable("De kennisbank kan de contacten nu niet aannemen. Stuur ze later opnieuw; "
                        + "dubbele contacten worden herkend.");
            }
            for (int j = 0; j < answers.size(); j++) {
                KbApi.SignalResult answer = answers.get(j);
                int index = positions.get(j);
                Map<String, String> problem = answer.problem() == null ? null
                        : Map.of("title", nz(answer.problem().title()), "detail", nz(answer.problem().detail()));
                results.set(index, new Result(index, events.events().get(index).id(), answer.status(), problem));
                switch (answer.status()) {
                    case "accepted" -> accepted++;
                    case "duplicate" -> duplicates++;
                    default -> rejected++;
                }
            }
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new Receipt(accepted, duplicates, rejected, events.events().size() - batch.size(), results));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static ErrorResponseException invalid(List<Map<String, String>> errors) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "ongeldige-inhoud", "Ongeldige inhoud",
                "De contacten zijn niet aangenomen; herstel de genoemde velden en stuur ze opnieuw.");
        problem.setProperty("errors", errors.size() > 50 ? errors.subList(0, 50) : errors);
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    private static List<Map<String, String>> validate(CrmEvents events) {
        List<Map<String, String>> errors = new ArrayList<>();
        if (events == null) {
            errors.add(error("$", "De inhoud ontbreekt."));
            return errors;
        }
        if (events.source() == null || !events.source().matches("[a-z0-9][a-z0-9-]{0,39}")) {
            errors.add(error("source", "Geef de naam van het bronsysteem: kleine letters, cijfers en -, zoals "
                    + "'salesforce'."));
        }
        if (events.events() == null || events.events().isEmpty()) {
            errors.add(error("events", "Stuur minstens één contact."));
            return errors;
        }
        if (events.events().size() > MAX_EVENTS) {
            errors.add(error("events", "Stuur maximaal " + MAX_EVENTS + " contacten per verzoek."));
            return errors;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < events.events().size(); i++) {
            CrmEvents.CrmEvent e = events.events().get(i);
            String at = "events[" + i + "]";
            if (e == null) {
                errors.add(error(at, "Een contact mag niet leeg zijn."));
                continue;
            }
            if (e.id() == null || e.id().isBlank() || e.id().length() > 200) {
                errors.add(error(at + ".id", "Het id van het contact ontbreekt of is langer dan 200 tekens."));
            } else if (!ids.add(e.id())) {
                errors.add(error(at + ".id", "Dit id komt twee keer voor in hetzelfde verzoek."));
            }
            try {
                if (e.occurredAt() == null) {
                    errors.add(error(at + ".occurredAt", "Het tijdstip ontbreekt (ISO-8601, zoals 2026-11-26T09:14:00Z)."));
                } else {
                    Instant.parse(e.occurredAt());
                }
            } catch (DateTimeParseException ex) {
                errors.add(error(at + ".occurredAt", "Geen geldig tijdstip (ISO-8601, zoals 2026-11-26T09:14:00Z)."));
            }
            if (e.channel() == null || !CHANNELS.contains(e.channel())) {
                errors.add(error(at + ".channel", "Kanaal moet telefoon, balie, email, chat of brief zijn."));
            }
            if ((e.text() == null || e.text().isBlank()) && (e.subject() == null || e.subject().isBlank())) {
                errors.add(error(at + ".text", "Geef tekst of onderwerp van het contact mee."));
            }
            if (e.text() != null && e.text().length() > 10_000) {
                errors.add(error(at + ".text", "De tekst is langer dan 10.000 tekens."));
            }
            if (e.narratives() != null && e.narratives().stream()
                    .anyMatch(s -> s == null || !s.matches("[a-z0-9][a-z0-9-]{0,99}"))) {
                errors.add(error(at + ".narratives", "Verhalen worden aangeduid met hun slug, zoals 'chemtrails'."));
            }
        }
        return errors;
    }

    private static Map<String, String> error(String field, String detail) {
        return Map.of("field", field, "detail", detail);
    }
}
