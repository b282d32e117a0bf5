package nl.duiding.connector.kb;

import org.springframework.stereotype.Component;

/** Reading the published narratives directly (no circuit breaker, no fallback), for filling the cache. */
@Component
public class PublishedNarratives {

    private final KbClients.NarrativesClient client;

    PublishedNarratives(KbClients.NarrativesClient client) {
        this.client = client;
    }

    public KbApi.NarrativePage list(int page, int size) {
        return client.list(page, size);
    }

    public KbApi.Narrative get(String slug) {
        return client.narrative(slug);
    }
}
