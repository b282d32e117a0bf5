package nl.duiding.kb.signal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.cat.indices.IndicesRecord;
import nl.duiding.kb.index.ManagedIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps nothing longer than configured: drops the daily details indices (text, resident hash, band keys) whose day
 * lies wholly before {@code now − text-retention}, and the monthly count and feedback indices whose month lies
 * wholly before {@code now − count-retention}. Deleting twice is harmless, so every instance may run it.
 */
@Component
class SignalRetention {

    private static final Logger log = LoggerFactory.getLogger(SignalRetention.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy.MM.dd");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM");

    private final ElasticsearchClient client;
    private final SignalIndices indices;
    private final SignalProperties properties;
    private final Clock clock;

    SignalRetention(ElasticsearchClient client, SignalIndices indices, SignalProperties properties, Clock clock) {
        this.client = client;
        this.indices = indices;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${duiding.signals.retention-initial-delay:1m}",
            fixedDelayString = "${duiding.signals.retention-check:1h}")
    void scheduled() {
        try {
            apply();
        } catch (IOException | RuntimeException e) {
            log.warn("Retention check failed; retrying on the next round: {}", e.toString());
        }
    }

    /** @return the indices deleted */
    List<String> apply() throws IOException {
        Instant now = clock.instant();
        LocalDate textCutoff = LocalDate.ofInstant(now.minus(properties.textRetention()), ZoneOffset.UTC);
        YearMonth countCutoff = YearMonth.from(LocalDate.ofInstant(now.minus(properties.countRetention()),
                ZoneOffset.UTC));
        List<String> expired = new ArrayList<>();
        for (String index : concrete(SignalIndices.DETAILS)) {
            LocalDate day = parse(index, SignalIndices.DETAILS, DAY, LocalDate::parse);
            if (day != null && day.isBefore(textCutoff)) {
                expired.add(index);
            }
        }
        for (ManagedIndex monthly : List.of(SignalIndices.SIGNALS, SignalIndices.FEEDBACK)) {
            for (String index : concrete(monthly)) {
                YearMonth month = parse(index, monthly, MONTH, YearMonth::parse);
                if (month != null && month.isBefore(countCutoff)) {
                    expired.add(index);
                }
            }
        }
        for (String index : expired) {
            client.indices().delete(d -> d.index(index).ignoreUnavailable(true));
            log.info("Retention: deleted index {}", index);
        }
        return expired;
    }

    private List<String> concrete(ManagedIndex index) throws IOException {
        String prefix = indices.concretePrefix(index);
        return client.cat().indices(c -> c.index(prefix + "*")).indices().stream().map(IndicesRecord::index)
                .filter(name -> name != null && name.startsWith(prefix)).toList();
    }

    private <T> T parse(String index, ManagedIndex managed, DateTimeFormatter format,
            java.util.function.BiFunction<CharSequence, DateTimeFormatter, T> parser) {
        String period = index.substring(indices.concretePrefix(managed).length());
        try {
            return parser.apply(period, format);
        } catch (DateTimeParseException e) {
            return null; // not one of ours (e.g. signals-v1-2026.11 when looking for days)
        }
    }
}
