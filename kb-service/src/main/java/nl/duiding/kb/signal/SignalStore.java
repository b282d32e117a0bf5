package nl.duiding.kb.signal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.MgetRequest;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes signals: per signal a {@code create} into the month's counts index and then, for the new ones within the
 * text retention period, a {@code create} into the day's details index (two bulk requests). The idempotency key is
 * the document id, so a signal sent twice answers 409 on the second create: a duplicate, counted once; the months a
 * retry could have moved to are asked first (realtime multi-get), so it is also counted once across months.
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
        Outcome[] outcomes = new Outcome[signals.size()];
        Set<String> elsewhere = storedInOtherMonths(signals, now);

        // The counts first: their create answers whether the contact is new (409: a retry, in the same month).
        BulkRequest.Builder counts = new BulkRequest.Builder();
        List<Integer> countAt = new ArrayList<>();
        for (int i = 0; i < signals.size(); i++) {
            Signal s = signals.get(i);
            if (elsewhere.contains(s.id())) {
                outcomes[i] = Outcome.DUPLICATE;
                continue;
            }
            CountDocument count = new CountDocument(s.tenant().value(), s.source(), s.channel().code(), s.occurredAt(),
                    now, s.narratives(), s.matchedSlugs(), s.confirmedSlugs(), s.feedback(), s.text() != null);
            String countIndex = indices.signalsFor(s.occurredAt());
            counts.operations(o -> o.create(c -> c.index(countIndex).id(s.id()).document(count)));
            countAt.add(i);
        }
        if (!countAt.isEmpty()) {
            List<BulkResponseItem> items = bulk(counts);
            for (int j = 0; j < countAt.size(); j++) {
                BulkResponseItem item = items.get(j);
                if (item.error() == null) {
                    outcomes[countAt.get(j)] = Outcome.ACCEPTED;
                } else if (item.status() == 409) {
                    outcomes[countAt.get(j)] = Outcome.DUPLICATE;
                } else {
                    // The reason may quote the document; log the type only.
                    log.warn("Storing a signal failed: status {} {}", item.status(), item.error().type());
                    outcomes[countAt.get(j)] = Outcome.FAILED;
                }
            }
        }

        // Then the details of the new ones only: a retry with another day must not leave a second text behind.
        BulkRequest.Builder details = new BulkRequest.Builder();
        int detailCount = 0;
        for (int i = 0; i < signals.size(); i++) {
            Signal s = signals.get(i);
            if (outcomes[i] != Outcome.ACCEPTED || !s.occurredAt().isAfter(textCutoff)) {
                continue;
            }
            String text = s.subject() == null ? s.text() : s.text() == null ? s.subject() : s.subject() + "\n" + s.text();
            SignalDetail detail = new SignalDetail(s.tenant().value(), s.channel().code(), s.occurredAt(),
                    s.narratives(), s.matchedSlugs(), s.confirmedSlugs(), s.feedback(), s.residentHash(), s.text(),
                    s.subject(), TextFingerprint.bands(text));
            String detailIndex = indices.detailsFor(s.occurredAt());
            details.operations(o -> o.create(c -> c.index(detailIndex).id(s.id()).document(detail)));
            detailCount++;
        }
        if (detailCount > 0) {
            for (BulkResponseItem item : bulk(details)) {
                if (item.error() != null && item.status() != 409) {
                    log.warn("Storing signal details failed: status {} {}", item.status(), item.error().type());
                }
            }
        }
        return List.of(outcomes);
    }

    /**
     * The ids already stored in another month's counts index. The id is the idempotency key, but a create only
     * collides within one index: a retry whose occurredAt moved to another month (a corrected clock, a time zone
     * slip at midnight on the 1st) would otherwise be stored twice. Only the months a signal may lie in
     * (max-age back, max-future-skew ahead) can hold it; a realtime multi-get asks them all at once.
     */
    private Set<String> storedInOtherMonths(List<Signal> signals, Instant now) {
        List<String> months = new ArrayList<>();
        YearMonth last = YearMonth.from(now.plus(properties.maxFutureSkew()).atZone(ZoneOffset.UTC));
        for (YearMonth m = YearMonth.from(now.minus(properties.maxAge()).atZone(ZoneOffset.UTC)); !m.isAfter(last);
                m = m.plusMonths(1)) {
            months.add(indices.signalsFor(m.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        Set<String> existing = existingIndices();
        MgetRequest.Builder mget = new MgetRequest.Builder();
        int asked = 0;
        for (Signal s : signals) {
            String own = indices.signalsFor(s.occurredAt());
            for (String month : months) {
                if (!month.equals(own) && existing.contains(month)) {
                    mget.docs(d -> d.index(month).id(s.id()).source(src -> src.fetch(false)));
                    asked++;
                }
            }
        }
        if (asked == 0) {
            return Set.of();
        }
        try {
            Set<String> found = new HashSet<>();
            for (MultiGetResponseItem<Void> item : client.mget(mget.build(), Void.class).docs()) {
                if (item.isResult() && item.result().found()) {
                    found.add(item.result().id());
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Set<String> existingIndices() {
        try {
            return client.indices().get(g -> g.index(indices.concretePrefix(SignalIndices.SIGNALS) + "*")
                    .allowNoIndices(true).ignoreUnavailable(true)).indices().keySet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<BulkResponseItem> bulk(BulkRequest.Builder bulk) {
        try {
            return client.bulk(bulk.build()).items();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
