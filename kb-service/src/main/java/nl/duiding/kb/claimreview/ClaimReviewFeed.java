package nl.duiding.kb.claimreview;

import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

import nl.duiding.kb.narrative.Narrative;
import nl.duiding.kb.narrative.NarrativeRecord;
import nl.duiding.kb.narrative.Script;
import nl.duiding.kb.narrative.ScriptChannel;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The published narratives as schema.org {@code ClaimReview} JSON-LD, for fact-checking partners: the claim is what
 * residents believe (the summary), the review body the factual background, the citations our sources. Duiding gives
 * no verdict (the government does not label disinformation), so there is no {@code reviewRating}. Everything
 * schema.org has no words for — the answer scripts per channel, category, risk, legal position, review date — is in
 * our own namespace {@value #NAMESPACE}, defined by the context document {@link #CONTEXT_RESOURCE}.
 */
@Component
public class ClaimReviewFeed {

    public static final String NAMESPACE = "https://duiding.nl/ns#";
    public static final String SCHEMA_CONTEXT = "https://schema.org/";
    static final String CONTEXT_RESOURCE = "jsonld/duiding-context.jsonld";
    /** Where kb-service serves the context; public, as JSON-LD processors fetch contexts without credentials. */
    public static final String CONTEXT_PATH = "/api/v1/jsonld/duiding.jsonld";
    /** Where a narrative has its permanent identifier (not a page that must resolve). */
    static final String ID_BASE = "https://duiding.nl/verhalen/";

    private final JsonMapper json;

    ClaimReviewFeed(JsonMapper json) {
        this.json = json;
    }

    /** The feed, referring to the context on the kb-service that handles the current request. */
    public ObjectNode feed(List<NarrativeRecord> published) {
        return feed(published, ServletUriComponentsBuilder.fromCurrentContextPath().path(CONTEXT_PATH).toUriString());
    }

    /** @param contextUrl where this kb-service serves {@link #CONTEXT_RESOURCE} */
    ObjectNode feed(List<NarrativeRecord> published, String contextUrl) {
        ObjectNode root = json.createObjectNode();
        root.putArray("@context").add(SCHEMA_CONTEXT).add(contextUrl);
        ArrayNode graph = root.putArray("@graph");
        published.stream()
                .sorted(Comparator.comparing((NarrativeRecord r) -> r.tenant().value())
                        .thenComparing(r -> r.slug().value()))
                .forEach(record -> graph.add(review(record)));
        return root;
    }

    private ObjectNode review(NarrativeRecord record) {
        Narrative n = record.narrative();
        String id = ID_BASE + n.tenant().value() + "/" + n.slug().value();
        ObjectNode review = json.createObjectNode();
        review.put("@type", "ClaimReview");
        review.put("@id", id);
        review.put("name", n.title());
        review.put("claimReviewed", n.summary());
        review.put("inLanguage", "nl");
        if (record.publishedAt() != null) {
            review.put("datePublished", record.publishedAt().atZone(ZoneOffset.UTC).toLocalDate().toString());
        }
        if (n.background() != null) {
            review.put("reviewBody", n.background());
        }
        ObjectNode author = review.putObject("author");
        author.put("@type", "Organization");
        author.put("name", n.tenant().isNational() ? "Duiding (landelijke kennisbank)"
                : "Gemeente " + n.tenant().value());
        ObjectNode claim = review.putObject("itemReviewed");
        claim.put("@type", "Claim");
        claim.put("@id", id + "#bewering");
        claim.put("name", n.title());
        claim.put("description", n.summary());
        if (!n.tags().isEmpty()) {
            review.put("keywords", String.join(", ", n.tags()));
        }
        ArrayNode citations = review.putArray("citation");
        n.sources().forEach(source -> {
            ObjectNode work = citations.addObject();
            work.put("@type", "CreativeWork");
            work.put("name", source.title());
            work.put("url", source.url());
            if (source.publisher() != null) {
                work.putObject("publisher").put("@type", "Organization").put("name", source.publisher());
            }
        });
        n.legalBasis().forEach(citation -> {
            ObjectNode law = citations.addObject();
            law.put("@type", "Legislation");
            law.put("name", citation.citation());
            if (citation.url() != null) {
                law.put("url", citation.url());
            }
        });

        review.put("duiding:slug", n.slug().value());
        review.put("duiding:tenant", n.tenant().value());
        review.put("duiding:category", n.category().code());
        review.put("duiding:risk", n.risk().code());
        if (n.reviewBy() != null) {
            review.put("duiding:reviewBy", n.reviewBy().toString());
        }
        if (n.legalPosition() != null) {
            review.put("duiding:legalPosition", n.legalPosition());
        }
        strings(review.putArray("duiding:safetySignal"), n.safetySignals());
        ArrayNode scripts = review.putArray("duiding:script");
        for (ScriptChannel channel : ScriptChannel.values()) {
            Script s = n.scripts().forChannel(channel);
            if (s != null) {
                scripts.add(script(id, channel, s));
            }
        }
        return review;
    }

    private ObjectNode script(String id, ScriptChannel channel, Script s) {
        ObjectNode script = json.createObjectNode();
        script.put("@type", "duiding:AnswerScript");
        script.put("@id", id + "#script-" + channel.code());
        script.put("duiding:channel", channel.code());
        script.put("duiding:coreMessage", s.coreMessage());
        strings(script.putArray("duiding:say"), s.say());
        strings(script.putArray("duiding:avoid"), s.avoid());
        strings(script.putArray("duiding:askFurther"), s.askFurther());
        ArrayNode referrals = script.putArray("duiding:referral");
        s.referral().forEach(r -> referrals.addObject().put("@type", "duiding:Referral")
                .put("duiding:referTo", r.to()).put("duiding:referWhen", r.when()));
        if (s.registration() != null) {
            script.put("duiding:registration", s.registration());
        }
        return script;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
