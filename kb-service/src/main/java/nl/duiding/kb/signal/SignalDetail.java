package nl.duiding.kb.signal;

import java.time.Instant;
import java.util.List;

/**
 * What is kept of a contact for the text retention period only (the daily {@code signal-details} indices): its
 * scrubbed text and subject, the resident's keyed hash and the MinHash band keys. Same id as the count document.
 */
public record SignalDetail(String tenant, String channel, Instant occurredAt, List<String> narratives,
        List<String> matchedSlugs, List<String> confirmedSlugs, String feedback, String residentHash, String text,
        String subject, List<String> bands) {

    public SignalDetail {
        narratives = narratives == null ? List.of() : List.copyOf(narratives);
        matchedSlugs = matchedSlugs == null ? List.of() : List.copyOf(matchedSlugs);
        confirmedSlugs = confirmedSlugs == null ? List.of() : List.copyOf(confirmedSlugs);
        bands = bands == null ? List.of() : List.copyOf(bands);
    }

    /** Subject and text together, as the fingerprint sees them. */
    public String fullText() {
        return subject == null ? text : text == null ? subject : subject + "\n" + text;
    }
}
