package nl.duiding.connector.kb;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The shapes of kb-service's API as docs/api-connector-contract.md fixes them; unknown fields are ignored. */
public final class KbApi {

    private KbApi() {
    }

    public record MatchRequest(String text, String channel, String tenant) {
    }

    public record MatchResponse(List<Match> matches, List<Campaign> belacties) {
        public MatchResponse {
            matches = matches == null ? List.of() : List.copyOf(matches);
            belacties = belacties == null ? List.of() : List.copyOf(belacties);
        }
    }

    /** One matched narrative; {@code evidence} is HTML-escaped by kb-service with {@code <em>} around hits. */
    public record Match(String slug, String title, double score, String confidence, List<String> evidence,
            Script script, String category, String risk, String tenant) {
    }

    public record Script(String channel, String coreMessage, List<String> say, List<String> avoid,
            List<String> askFurther, List<Referral> referral, String registration) {
    }

    public record Referral(String to, String when) {
    }

    public record SuggestResponse(List<Suggestion> suggestions) {
        public SuggestResponse {
            suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
        }
    }

    public record Suggestion(String slug, String title, String category, String risk, String phrasing) {
    }

    /** {@code GET /api/v1/narratives/{slug}}: the published narrative with its scripts per script channel. */
    public record Narrative(String slug, String title, String summary, String category, List<String> tags,
            String risk, String tenant, Map<String, Script> scripts, String legalPosition,
            List<String> safetySignals, int version, Instant publishedAt) {
    }

    public record NarrativePage(List<NarrativeItem> items, long total, int page, int size) {
        public NarrativePage {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    public record NarrativeItem(String slug, String tenant, String title) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Signal(String source, String externalId, String tenant, String channel, Instant occurredAt,
            String text, String residentHash, String subject, List<String> matchedSlugs, List<String> confirmedSlugs,
            String feedback) {
    }

    public record SignalBatch(List<Signal> signals) {
    }

    public record SignalBatchResult(int accepted, int duplicates, int rejected, List<SignalResult> results) {
        public SignalBatchResult {
            results = results == null ? List.of() : List.copyOf(results);
        }
    }

    public record SignalResult(int index, String externalId, String status, ItemProblem problem) {

        public boolean acknowledged() {
            return "accepted".equals(status) || "duplicate".equals(status);
        }

        /** kb-service could not store it this time ({@code opslag-mislukt}): send it again, do not quarantine it. */
        public boolean worthRetrying() {
            return "rejected".equals(status) && problem != null && problem.type() != null
                    && problem.type().endsWith("/opslag-mislukt");
        }
    }

    /** A per-item problem: {@code type} under https://duiding.nl/problemen/, {@code field} where one field is wrong. */
    public record ItemProblem(String type, String title, String detail, String field) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Feedback(String tenant, String slug, String channel, String kind, String contactId,
            String residentHash) {
    }

    public record History(List<EarlierContact> contacts) {
        public History {
            contacts = contacts == null ? List.of() : List.copyOf(contacts);
        }
    }

    public record EarlierContact(Instant occurredAt, String channel, List<String> slugs, List<String> titles,
            String scriptChannel, String feedback) {
    }

    public record Campaigns(List<Campaign> campaigns) {
        public Campaigns {
            campaigns = campaigns == null ? List.of() : List.copyOf(campaigns);
        }
    }

    public record Campaign(String id, String status, String slug, String title, Instant since, Integer contacts,
            Integer residents, String shortScript) {
    }

    /** How many of a resident's contacts kb-service erased. */
    public record Erased(int erased) {
    }
}
