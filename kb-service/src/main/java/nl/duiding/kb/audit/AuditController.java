package nl.duiding.kb.audit;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.duiding.kb.security.CurrentUser;
import nl.duiding.kb.web.InvalidParameter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/audit}: the audit log for beheerders, newest first. Reading it is itself recorded. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Auditlog", description = "Wie deed wat, wanneer, met welk verhaal en met welke uitkomst (beheerder). "
        + "Bevat geen gegevens van inwoners.")
class AuditController {

    private static final int MAX_SIZE = 200;

    private final AuditLog log;
    private final AuditListener listener;
    private final CurrentUser currentUser;

    AuditController(AuditLog log, AuditListener listener, CurrentUser currentUser) {
        this.log = log;
        this.listener = listener;
        this.currentUser = currentUser;
    }

    record AuditPage(List<AuditEntry> entries, long total, int page, int size) {
    }

    @GetMapping("/audit")
    @Operation(summary = "Regels uit de auditlog",
            description = "from en to: een tijdstip (2026-11-26T09:00:00Z) of een datum (2026-11-26, de hele dag, "
                    + "UTC); actor: een gebruikersnaam; action: een code zoals verhaal.gepubliceerd. Een beheerder "
                    + "van een gemeente ziet de regels van de eigen organisatie.")
    AuditPage audit(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size)
            throws IOException {
        Instant start = moment("from", from, false);
        Instant end = moment("to", to, true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new InvalidParameter("from", "'from' moet vóór 'to' liggen.");
        }
        var criteria = new AuditLog.Criteria(start, end, text("actor", actor), text("action", action),
                number("page", page, 1, 1, 1000), number("size", size, 50, 1, MAX_SIZE));
        AuditLog.Page result = log.search(criteria, currentUser.get().tenant());
        listener.auditRead();
        return new AuditPage(result.entries(), result.total(), criteria.page(), criteria.size());
    }

    /** An instant, or a date meaning its whole day: from its start, to the start of the next day. */
    private static Instant moment(String name, String value, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate day = LocalDate.parse(value.strip());
                return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidParameter(name, "'" + name + "' moet een datum (2026-11-26) of tijdstip "
                        + "(2026-11-26T09:00:00Z) zijn.");
            }
        }
    }

    private static String text(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 200) {
            throw new InvalidParameter(name, "'" + name + "' mag maximaal 200 tekens lang zijn.");
        }
        return value.strip();
    }

    private static int number(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidParameter(name, "De parameter '" + name + "' moet een geheel getal van " + min
                + " tot en met " + max + " zijn.");
    }
}
