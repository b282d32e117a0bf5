package nl.duiding.kb.claimreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import nl.duiding.kb.narrative.Narrative;
import nl.duiding.kb.narrative.NarrativeRecord;
import nl.duiding.kb.narrative.TenantCode;
import nl.duiding.kb.support.JsonLd;
import nl.duiding.kb.support.NarrativeSamples;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ClaimReviewFeedTest {

    private static final String CONTEXT_URL = "http://kb.example/api/v1/jsonld/duiding.jsonld";
    private final JsonMapper json = JsonMapper.builder().build();
    private final ClaimReviewFeed feed = new ClaimReviewFeed(json);

    @Test
    void expandsALocalNarrativeWithLegalBasisAndSafetySignalsWithoutLosingATerm() throws Exception {
        Narrative sample = NarrativeSamples.narrative("lokale-bewering", new TenantCode("GM0363"), "Lokale bewering");
        Narrative full = new Narrative(sample.slug(), sample.title(), sample.summary(), sample.category(),
                sample.tags(), sample.risk(), sample.tenant(), null, null, sample.reviewBy(), sample.triggers(),
                sample.scripts(), "Wat juridisch geldt, in gewone woorden uitgelegd.",
                List.of(new Narrative.Citation("Gemeentewet artikel 160", "https://wetten.overheid.nl/x")),
                List.of("Dreigt met geweld."), null, sample.sources(), List.of(), sample.background());
        NarrativeRecord published = NarrativeRecord.create(full, "redacteur", Instant.parse("2026-11-01T10:00:00Z"))
                .submitForReview("redacteur", Instant.parse("2026-11-02T10:00:00Z"))
                .publish("eindredacteur", Instant.parse("2026-11-03T10:00:00Z"));

        String document = json.writeValueAsString(feed.feed(List.of(published), CONTEXT_URL));
        byte[] context;
        try (InputStream in = getClass().getResourceAsStream("/" + ClaimReviewFeed.CONTEXT_RESOURCE)) {
            context = in.readAllBytes();
        }
        JsonArray expanded = new JsonLd().serveSchemaOrg().serve(CONTEXT_URL, context).expand(document);

        assertThat(JsonLd.propertyIris(expanded)).contains("http://schema.org/citation",
                "http://schema.org/author", "http://schema.org/datePublished",
                ClaimReviewFeed.NAMESPACE + "legalPosition", ClaimReviewFeed.NAMESPACE + "safetySignal",
                ClaimReviewFeed.NAMESPACE + "referTo", ClaimReviewFeed.NAMESPACE + "reviewBy");
        JsonObject review = expanded.getJsonObject(0);
        assertThat(review.getString("@id")).isEqualTo("https://duiding.nl/verhalen/GM0363/lokale-bewering");
        JsonObject reviewBy = review.getJsonArray(ClaimReviewFeed.NAMESPACE + "reviewBy").getJsonObject(0);
        assertThat(reviewBy.getString("@type")).isEqualTo("http://www.w3.org/2001/XMLSchema#date");
        assertThat(review.getJsonArray("http://schema.org/datePublished").getJsonObject(0).getString("@value"))
                .isEqualTo("2026-11-03");
        assertThat(review.getJsonArray("http://schema.org/author").getJsonObject(0)
                .getJsonArray("http://schema.org/name").getJsonObject(0).getString("@value"))
                .isEqualTo("Gemeente GM0363");
        assertThat(review.containsKey("http://schema.org/reviewRating")).isFalse();
    }
}
