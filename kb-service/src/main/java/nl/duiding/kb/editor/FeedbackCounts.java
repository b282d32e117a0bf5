package nl.duiding.kb.editor;

import java.time.Instant;
import java.util.List;

import nl.duiding.kb.narrative.TenantCode;

/**
 * How often agents were shown a narrative's script and what they said of it, per narrative and script channel, from
 * the sidebar's feedback ({@code POST /api/v1/feedback}: getoond, gebruikt, hielp, hielp-niet). The usage page and
 * the review queue read counts only through this interface. A bean implementing it (the feedback store) is used when
 * there is one; until then {@link #NONE}.
 */
public interface FeedbackCounts {

    /** What exists while kb-service has no feedback store: no counts, and the pages say so. */
    FeedbackCounts NONE = new FeedbackCounts() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public List<Count> between(TenantCode viewer, Instant from, Instant to) {
            return List.of();
        }
    };

    /** False while no feedback store is connected: the pages then say so instead of showing zeros. */
    boolean available();

    /** Counts for feedback given from {@code from} (inclusive) to {@code to} (exclusive), for what {@code viewer} sees. */
    List<Count> between(TenantCode viewer, Instant from, Instant to);

    /**
     * @param channel telefoon, email or chat: the script that was shown
     */
    record Count(String slug, String tenant, String channel, long shown, long used, long helped, long notHelped) {
    }
}
