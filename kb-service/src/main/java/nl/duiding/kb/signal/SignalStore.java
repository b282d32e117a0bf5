package nl.duiding.kb.signal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes signals with one bulk request: per signal a {@code create} into the month's counts index and, when the
 * contact lies within the text retention period, a {@code create} into the day's details index. The idempotency key
 * is the document id, so a signal sent twice answers 409 on the second create: a duplicate, counted once.
 */
@Component
class SignalStore {

    private static final Logger log = LoggerFactory.getLogger(SignalStore.class);

    enum Outcome { ACCEPTED, DUPLICATE, FAILED }

    record CountDocument(String tenant, String source, String channel, Instant occurredAt, Instant receivedAt,
            List<String> narratives, List<String> matchedSlugs, List<String> confirmedSlugs, String feedback,
            boolean hasText) {
    }

    private final ElasticsearchClient client;
    private final SignalIndices indices;
    private final SignalProperties properties;
    private final Clock clock;

    SignalStore(ElasticsearchClient client, SignalIndices indices, SignalProperties properties, Clock clock) {
        this.client = client;
        this.indices = indices;
        this.properties = properties;
        this.clock = clock;
    }

    List<Outcome> write(List<Signal> signals) {
        if (signals.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Instant textCutoff = now.minus(properties.textRetention());
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        int[] countOp = new int[signals.size()];
        int op = 0;
        for (int i = 0; i < signals.size(); i++) {
            Signal s = signals.get(i);
            String id = s.id();
            CountDocument count = new CountDocument(s.tenant().value(), s.source(), s.channel().code(), s.occurredAt(),
                    now, s.narratives(), s.matchedSlugs(), s.confirmedSlugs(), s.feedback(), s.text() != null);
            String countIndex = indices.signalsFor(s.occurredAt());
            bulk.operations(o -> o.create(c -> c.index(countIndex).id(id).document(count)));
            countOp[i] = op++;
            if (s.occurredAt().isAfter(textCutoff)) {
                String text = s.subject() == null ? s.text()
                        : s.text() == null ? s.subject() : s.subject() + "\n" + s.text();
                SignalDetail detail = new SignalDetail(s.tenant().value(), s.channel().code(), s.occurredAt(),
                        s.narratives(), s.matchedSlugs(), s.confirmedSlugs(), s.feedback(), s.residentHash(), s.text(),
                        s.subject(), TextFingerprint.bands(text));
                String detailIndex = indices.detailsFor(s.occurredAt());
                bulk.operations(o -> o.create(c -> c.index(detailIndex).id(id).document(detail)));
                op++;
            }
        }
        BulkResponse response;
        try {
            response = client.bulk(bulk.build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<BulkResponseItem> items = response.items();
        List<Outcome> outcomes = new ArrayList<>(signals.size());
        for (int i = 0; i < signals.size(); i++) {
            BulkResponseItem item = items.get(countOp[i]);
            if (item.error() == null) {
                outcomes.add(Outcome.ACCEPTED);
            } else if (item.status() == 409) {
                outcomes.add(Outcome.DUPLICATE);
            } else {
                // The reason may quote the document; log the type only.
                log.warn("Storing a signal failed: status {} {}", item.status(), item.error().type());
                outcomes.add(Outcome.FAILED);
            }
        }
        for (BulkResponseItem item : items) {
            if (item.error() != null && item.status() != 409 && item.index().startsWith(indices.details())) {
                log.warn("Storing signal details failed: status {} {}", item.status(), item.error().type());
            }
        }
        return outcomes;
    }
}
