package nl.duiding.kb.signal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import nl.duiding.kb.index.IndexNames;
import nl.duiding.kb.index.ManagedIndex;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The time-based indices of contact signals. Counts (no text, no resident) go to one index per month and stay for
 * {@code duiding.signals.count-retention}; text, resident hash and band keys go to one index per day, dropped whole
 * once older than {@code duiding.signals.text-retention}. The distribution we run has no delete_by_query, and
 * dropping an index is also the one deletion that leaves nothing behind in segments.
 */
@Configuration(proxyBeanMethods = false)
public class SignalIndices {

    static final ManagedIndex SIGNALS = ManagedIndex.timeBased("signals", 1);
    static final ManagedIndex DETAILS = ManagedIndex.timeBased("signal-details", 1);
    static final ManagedIndex FEEDBACK = ManagedIndex.timeBased("feedback", 2);

    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC);

    private final IndexNames names;

    public SignalIndices(IndexNames names) {
        this.names = names;
    }

    @Bean
    ManagedIndex signalsIndex() {
        return SIGNALS;
    }

    @Bean
    ManagedIndex signalDetailsIndex() {
        return DETAILS;
    }

    @Bean
    ManagedIndex feedbackIndex() {
        return FEEDBACK;
    }

    /** Read alias of the counts. */
    public String signals() {
        return names.alias(SIGNALS.name());
    }

    /** Read alias of texts, residents and band keys (only within the text retention period). */
    public String details() {
        return names.alias(DETAILS.name());
    }

    public String feedback() {
        return names.alias(FEEDBACK.name());
    }

    String signalsFor(Instant at) {
        return names.timeBased(SIGNALS, MONTH.format(at));
    }

    String detailsFor(Instant at) {
        return names.timeBased(DETAILS, DAY.format(at));
    }

    String feedbackFor(Instant at) {
        return names.timeBased(FEEDBACK, MONTH.format(at));
    }

    /** {@code <alias>-v<version>-}: what precedes the period in a concrete name. */
    String concretePrefix(ManagedIndex index) {
        return names.timeBased(index, "");
    }
}
