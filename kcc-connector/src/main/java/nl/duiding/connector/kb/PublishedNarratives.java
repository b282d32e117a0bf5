package nl.duiding.connector.kb;

import org.springframework.stereotype.Component;

/** Reading the published narratives directly (no circuit breaker, no fallback), for filling the cache. */
@Component
public class PublishedNarratives {

    private final KbClients.NarrativesClient client;

    PublishedNarratives(KbClients.NarrativesClient client) {
        this.client = client;
    }

    /** National narratives when {@code tenant} is null, else only that municipality's own local ones. */
    public KbApi.NarrativePage list(int page, int size, String tenant) {
        return client.list(page, size, tenant);
    }

    /** The national version when {@code tenant} is null, else what that municipality's agents see. */
    public KbApi.Narrative get(String slug, String tenant) {
        return client.narrative(slug, tenant);
    }
}
