package nl.duiding.kb.editor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.duiding.kb.narrative.NarrativeRecord;
import nl.duiding.kb.narrative.PublishedNarratives;
import nl.duiding.kb.narrative.TenantCode;
import org.springframework.stereotype.Component;

/**
 * Usage per narrative and script from {@link FeedbackCounts}: this period's counts beside the previous period of the
 * same length, for the usage page's trend and the review queue's "hielp niet".
 */
@Component
class UsageStatistics {

    private final FeedbackCounts counts;
    private final PublishedNarratives published;
    private final Clock clock;

    UsageStatistics(FeedbackCounts counts, PublishedNarratives published, Clock clock) {
        this.counts = counts;
        this.published = published;
        this.clock = clock;
    }

    /**
     * One narrative's script over the period: {@code previousShown} is the period before, for the trend.
     */
    public record Row(String slug, String tenant, String title, String channel, long shown, long used, long helped,
            long notHelped, long previousShown) {

        /** Change in times shown against the period before, in percent; null when there is nothing to compare. */
        public Integer trendPercent() {
            return previousShown == 0 ? null : (int) Math.round((shown - previousShown) * 100.0 / previousShown);
        }

        /** Share of the verdicts (hielp, hielp niet) that were "hielp niet", in percent; null without verdicts. */
        public Integer notHelpedPercent() {
            long verdicts = helped + notHelped;
            return verdicts == 0 ? null : (int) Math.round(notHelped * 100.0 / verdicts);
        }
    }

    List<Row> rows(TenantCode viewer, int days) {
        Instant now = clock.instant();
        Instant from = now.minus(Duration.ofDays(days));
        Instant before = from.minus(Duration.ofDays(days));
        Map<String, Long> previous = new HashMap<>();
        counts.between(viewer, before, from).forEach(c -> previous.merge(key(c), c.shown(), Long::sum));
        Map<String, String> titles = new HashMap<>();
        for (NarrativeRecord record : published.visibleTo(viewer)) {
            titles.put(record.tenant().value() + "|" + record.slug().value(), record.narrative().title());
        }
        List<Row> rows = new ArrayList<>();
        for (FeedbackCounts.Count c : counts.between(viewer, from, now)) {
            rows.add(new Row(c.slug(), c.tenant(), titles.getOrDefault(c.tenant() + "|" + c.slug(), c.slug()),
                    c.channel(), c.shown(), c.used(), c.helped(), c.notHelped(), previous.getOrDefault(key(c), 0L)));
        }
        rows.sort(Comparator.comparingLong(Row::shown).reversed().thenComparing(Row::title));
        return rows;
    }

    /** Scripts with the most "hielp niet" in the period, most first. */
    List<Row> mostNotHelped(TenantCode viewer, int days, int max) {
        return rows(viewer, days).stream().filter(r -> r.notHelped() > 0)
                .sorted(Comparator.comparingLong(Row::notHelped).reversed()).limit(max).toList();
    }

    private static String key(FeedbackCounts.Count c) {
        return c.tenant() + "|" + c.slug() + "|" + c.channel();
    }
}
