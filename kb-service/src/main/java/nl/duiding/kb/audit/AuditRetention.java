package nl.duiding.kb.audit;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the audit log no longer than {@code duiding.audit.retention}: a month's index goes as soon as the whole month
 * is older than that. Runs at start and every night.
 */
@Component
class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM");

    private final AuditLog audit;
    private final AuditSettings settings;
    private final Clock clock;

    AuditRetention(AuditLog audit, AuditSettings settings, Clock clock) {
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT24H")
    void scheduled() {
        try {
            run();
        } catch (IOException | RuntimeException e) {
            log.error("Audit retention did not run ({}); it tries again tomorrow", e.getClass().getSimpleName());
        }
    }

    /** Deletes the months past retention; answers their index names. */
    List<String> run() throws IOException {
        LocalDate oldestKept = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minus(settings.retention());
        List<String> deleted = new ArrayList<>();
        for (String index : audit.monthlyIndices()) {
            YearMonth month = monthOf(index);
            if (month != null && month.atEndOfMonth().isBefore(oldestKept)) {
                audit.delete(index);
                deleted.add(index);
            }
        }
        if (!deleted.isEmpty()) {
            log.info("Audit retention ({}): deleted {}", settings.retention(), deleted);
        }
        return deleted;
    }

    private static YearMonth monthOf(String index) {
        int dash = index.lastIndexOf('-');
        try {
            return YearMonth.parse(index.substring(dash + 1), MONTH);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
