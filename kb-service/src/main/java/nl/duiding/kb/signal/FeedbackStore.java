package nl.duiding.kb.signal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.springframework.stereotype.Component;

/** One click of agent feedback, without resident or contact: counts per narrative, script and kind. */
@Component
class FeedbackStore {

    record FeedbackDocument(String tenant, String narrativeTenant, String slug, String channel, String scriptChannel, String kind, Instant at) {
    }

    private final ElasticsearchClient client;
    private final SignalIndices indices;
    private final Clock clock;

    FeedbackStore(ElasticsearchClient client, SignalIndices indices, Clock clock) {
        this.client = client;
        this.indices = indices;
        this.clock = clock;
    }

    /**
     * @param tenant          the agent's municipality
     * @param narrativeTenant whose narrative the agent saw: the municipality's local version or the national one
     */
    void record(String tenant, String narrativeTenant, String slug, String channel, String scriptChannel, String kind) {
        Instant now = clock.instant();
        FeedbackDocument doc = new FeedbackDocument(tenant, narrativeTenant, slug, channel, scriptChannel, kind, now);
        try {
            client.index(i -> i.index(indices.feedbackFor(now)).document(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
