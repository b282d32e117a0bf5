package nl.duiding.kb.report;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import nl.duiding.kb.narrative.TenantCode;
import nl.duiding.kb.security.CurrentUser;
import nl.duiding.kb.signal.SignalProperties;
import nl.duiding.kb.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/reports/daily/{date}} as JSON, {@code {date}.html} as a page and {@code {date}.csv}. The
 * morning's stored report when there is one, otherwise made on demand. An analyst sees only their own municipality.
 */
@RestController
@RequestMapping("/api/v1/reports/daily")
class ReportController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final DailyReportService service;
    private final ReportStore store;
    private final CurrentUser currentUser;
    private final SignalProperties signals;
    private final Clock clock;

    ReportController(DailyReportService service, ReportStore store, CurrentUser currentUser, SignalProperties signals,
            Clock clock) {
        this.service = service;
        this.store = store;
        this.currentUser = currentUser;
        this.signals = signals;
        this.clock = clock;
    }

    @GetMapping("/{file}")
    ResponseEntity<?> daily(@PathVariable String file, @RequestParam(required = false) String tenant) {
        String format = file.endsWith(".html") ? "html" : file.endsWith(".csv") ? "csv" : "json";
        String datePart = format.equals("json") ? file : file.substring(0, file.lastIndexOf('.'));
        LocalDate date;
        try {
            date = LocalDate.parse(datePart);
        } catch (DateTimeParseException e) {
            throw problem(HttpStatus.BAD_REQUEST, "ongeldige-parameter", "Ongeldige datum",
                    "Geef de datum als JJJJ-MM-DD, eventueel gevolgd door .html of .csv.");
        }
        if (date.isAfter(LocalDate.now(clock.withZone(signals.zone())))) {
            throw problem(HttpStatus.NOT_FOUND, "rapport-niet-gevonden", "Geen rapport",
                    "Voor een dag in de toekomst is er nog geen rapport.");
        }
        TenantCode own = currentUser.municipality(tenant);
        DailyReport report = store.find(own, date).orElseGet(() -> service.generate(own, date));
        return switch (format) {
            case "html" -> ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .header("Cache-Control", "no-store").body(ReportHtml.render(report));
            case "csv" -> ResponseEntity.ok().contentType(CSV).header("Cache-Control", "no-store")
                    .header("Content-Disposition", "attachment; filename=\"belacties-" + own + "-" + date + ".csv\"")
                    .body(ReportCsv.render(report));
            default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
        };
    }

    private static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
        return new ErrorResponseException(status, Problems.of(status, type, title, detail), null);
    }
}
