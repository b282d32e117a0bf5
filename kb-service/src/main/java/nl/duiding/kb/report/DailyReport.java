package nl.duiding.kb.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The daily belactie pattern report of one municipality. Only counts, narrative slugs and shared template words:
 * no resident hashes, no contact ids, no individual texts.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DailyReport(String tenant, LocalDate date, String zone, Instant generatedAt, Totals totals,
        List<ChannelCount> channels, List<HourCount> hourly, List<NarrativeCount> narratives,
        List<CampaignEntry> campaigns, List<ClusterEntry> clusters, List<TermEntry> emergingTerms,
        List<RepeatContact> repeatContacts, List<Recommendation> recommendations, boolean textsAvailable,
        int weeksOfHistory) {

    public record Totals(long contacts, long withText, long matched, long unmatched) {
    }

    public record ChannelCount(String channel, long contacts) {
    }

    public record HourCount(int hour, long contacts, double expected) {
    }

    /** @param unusual true when the count is improbably high against the tenant's own weeks (see RateBaseline) */
    public record NarrativeCount(String slug, String title, long contacts, double expected, double pValue,
            boolean unusual) {
    }

    /** @param perHour contacts per hour since the first one (the growth) */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CampaignEntry(String id, String status, String slug, String title, int contacts, int residents,
            Instant firstContact, Instant lastContact, List<Integer> perHour, List<ChannelCount> channels,
            String template) {
    }

    public record ClusterEntry(int contacts, int residents, List<String> labels, String template) {
    }

    public record TermEntry(String term, long contacts, double score) {
    }

    /** One resident with many contacts that day, without any identifier. */
    public record RepeatContact(String label, long contacts, List<String> channels, List<String> narratives,
            boolean sameText) {
    }

    public record Recommendation(String title, String text) {
    }
}
