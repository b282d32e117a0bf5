package nl.duiding.connector.kb;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One OpenFeign client per kb-service API area. Each area says whether its calls may be retried: reads and the
 * signal bulk (deduplicated by source + externalId in kb-service) are idempotent, feedback is not (every click
 * counts), so it is sent once.
 */
final class KbClients {

    private KbClients() {
    }

    @FeignClient(name = "kb-matching", url = "${duiding.kb.url}", configuration = FeignSettings.Idempotent.class)
    interface MatchingClient {

        /** A POST, but it changes nothing in kb-service, so retrying it is safe. */
        @PostMapping("/api/v1/match")
        KbApi.MatchResponse match(@RequestBody KbApi.MatchRequest request);

        /** {@code tenant}: the municipality of the contact, whose own narratives count besides the national ones. */
        @GetMapping("/api/v1/suggest")
        KbApi.SuggestResponse suggest(@RequestParam("q") String query, @RequestParam("size") int size,
                @RequestParam(name = "tenant", required = false) String tenant);
    }

    @FeignClient(name = "kb-narratives", url = "${duiding.kb.url}", configuration = FeignSettings.Idempotent.class)
    interface NarrativesClient {

        /** {@code tenant}: null for the national version, else the municipality's own one when it has one. */
        @GetMapping("/api/v1/narratives/{slug}")
        KbApi.Narrative narrative(@PathVariable("slug") String slug,
                @RequestParam(name = "tenant", required = false) String tenant);

        /** {@code tenant}: null for the national narratives, else only that municipality's own local ones. */
        @GetMapping("/api/v1/narratives")
        KbApi.NarrativePage list(@RequestParam("page") int page, @RequestParam("size") int size,
                @RequestParam(name = "tenant", required = false) String tenant);
    }

    @FeignClient(name = "kb-signals", url = "${duiding.kb.url}", configuration = FeignSettings.Idempotent.class)
    interface SignalsClient {

        @PostMapping("/api/v1/signals")
        KbApi.SignalBatchResult send(@RequestBody KbApi.SignalBatch batch);
    }

    @FeignClient(name = "kb-feedback", url = "${duiding.kb.url}", configuration = FeignSettings.SendOnce.class)
    interface FeedbackClient {

        @PostMapping("/api/v1/feedback")
        ResponseEntity<Void> feedback(@RequestBody KbApi.Feedback feedback);
    }

    @FeignClient(name = "kb-residents", url = "${duiding.kb.url}", configuration = FeignSettings.Idempotent.class)
    interface ResidentsClient {

        @GetMapping("/api/v1/residents/{hash}/history")
        KbApi.History history(@PathVariable("hash") String residentHash, @RequestParam("tenant") String tenant);

        /** Idempotent too: a repeated erasure finds nothing left and answers 0. */
        @DeleteMapping("/api/v1/residents/{hash}")
        KbApi.Erased erase(@PathVariable("hash") String residentHash, @RequestParam("tenant") String tenant);
    }

    @FeignClient(name = "kb-campaigns", url = "${duiding.kb.url}", configuration = FeignSettings.Idempotent.class)
    interface CampaignsClient {

        @GetMapping("/api/v1/campaigns/active")
        KbApi.Campaigns active(@RequestParam("tenant") String tenant);
    }
}
