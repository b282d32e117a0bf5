package nl.duiding.kb.editor;

import java.time.Instant;
import java.util.List;

import nl.duiding.kb.narrative.TenantCode;

/**
 * How often agents were shown a narrative's script and what they said of it, per narrative and script channel, from
 * the sidebar's feedback ({@code POST /api/v1/feedback}: getoond, gebruikt, hielp, hielp-niet). The usage page and
 * the review queue read counts only through this interface; the signals feature implements it over its feedback index.
 */
public interface FeedbackCounts {

    /** Counts for feedback given from {@code from} (inclusive) to {@code to} (exclusive), for what {@code viewer} sees. */
    List<Count> between(TenantCode viewer, Instant from, Instant to);

    /**
     * @param tenant  whose narrative was shown: {@code nationaal} or the municipality of a local version
     * @param channel telefoon, email or chat: the script that was shown
     */
    record Count(String slug, String tenant, String channel, long shown, long used, long helped, long notHelped) {
    }
}
