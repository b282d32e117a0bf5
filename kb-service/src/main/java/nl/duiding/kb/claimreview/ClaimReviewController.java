package nl.duiding.kb.claimreview;

import java.io.IOException;
import java.io.InputStream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.duiding.kb.narrative.PublishedNarratives;
import nl.duiding.kb.security.CurrentUser;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** The ClaimReview export for fact-checking partners, and the JSON-LD context of our extension namespace. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "ClaimReview", description = "Gepubliceerde verhalen als schema.org ClaimReview (JSON-LD), met de "
        + "antwoordscripts in de naamruimte https://duiding.nl/ns#.")
class ClaimReviewController {

    static final String LD_JSON = "application/ld+json";

    private final ClaimReviewFeed feed;
    private final PublishedNarratives published;
    private final CurrentUser currentUser;

    ClaimReviewController(ClaimReviewFeed feed, PublishedNarratives published, CurrentUser currentUser) {
        this.feed = feed;
        this.published = published;
        this.currentUser = currentUser;
    }

    @GetMapping(path = "/claimreviews", produces = {LD_JSON, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "De gepubliceerde verhalen die u ziet, als ClaimReview JSON-LD")
    ResponseEntity<ObjectNode> claimReviews() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(LD_JSON))
                .body(feed.feed(published.visibleTo(currentUser.get().tenant())));
    }

    @GetMapping(path = "/jsonld/duiding.jsonld", produces = {LD_JSON, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "JSON-LD-context van de naamruimte https://duiding.nl/ns#")
    ResponseEntity<byte[]> context() throws IOException {
        try (InputStream in = new ClassPathResource(ClaimReviewFeed.CONTEXT_RESOURCE).getInputStream()) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(LD_JSON))
                    .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePublic())
                    .body(in.readAllBytes());
        }
    }
}
