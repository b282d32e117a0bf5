package nl.duiding.kb.signal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.search.Hit;
import nl.duiding.kb.narrative.TenantCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Erases one resident's contacts before the text retention would (a request under the AVG, forwarded by the CRM's
 * connector or handled by a beheerder): every details document with the resident's hash in the tenant — text,
 * hash, band keys — is deleted, and the indices it lived in expunge their deleted documents so nothing stays
 * behind in segments. The counts keep no resident and no text and stay.
 *
 * <p>The distribution we run has no {@code delete_by_query}; a resident has at most a few hundred contacts within
 * the retention period, so the documents are looked up and deleted by id.
 */
@Component
class ResidentErasure {

    private static final int PAGE = 500;
    /** A bound on rounds: 100 rounds of 500 is far beyond one resident's contacts in 30 days. */
    private static final int MAX_ROUNDS = 100;

    private final ElasticsearchClient client;
    private final SignalIndices indices;
    private final ApplicationEventPublisher events;

    ResidentErasure(ElasticsearchClient client, SignalIndices indices, ApplicationEventPublisher events) {
        this.client = client;
        this.indices = indices;
        this.events = events;
    }

    /** Erases the resident's contacts in the tenant and returns how many there were. */
    int erase(String residentHash, TenantCode tenant) {
        try {
            Set<String> touched = new LinkedHashSet<>();
            int erased = 0;
            for (int round = 0; round < MAX_ROUNDS; round++) {
                refresh();
                List<Hit<Void>> hits = client.search(s -> s.index(indices.details()).ignoreUnavailable(true)
                        .allowNoIndices(true).size(PAGE).source(src -> src.fetch(false))
                        .query(q -> q.bool(b -> b
                                .filter(f -> f.term(t -> t.field("residentHash").value(residentHash)))
                                .filter(f -> f.term(t -> t.field("tenant").value(tenant.value()))))),
                        Void.class).hits().hits();
                if (hits.isEmpty()) {
                    break;
                }
                BulkRequest.Builder bulk = new BulkRequest.Builder();
                for (Hit<Void> hit : hits) {
                    bulk.operations(o -> o.delete(d -> d.index(hit.index()).id(hit.id())));
                    touched.add(hit.index());
                }
                var response = client.bulk(bulk.build());
                erased += (int) response.items().stream().filter(i -> i.error() == null).count();
            }
            if (!touched.isEmpty()) {
                List<String> names = new ArrayList<>(touched);
                client.indices().forcemerge(f -> f.index(names).onlyExpungeDeletes(true));
            }
            events.publishEvent(new ResidentErased(tenant, erased));
            return erased;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void refresh() throws IOException {
        client.indices().refresh(r -> r.index(indices.details()).ignoreUnavailable(true).allowNoIndices(true));
    }
}
