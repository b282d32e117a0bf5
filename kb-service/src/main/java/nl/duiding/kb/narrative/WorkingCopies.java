package nl.duiding.kb.narrative;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.OpType;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.IndexResponse;
import nl.duiding.kb.index.IndexNames;
import org.springframework.stereotype.Component;

/**
 * The editors' working copies, one document per tenant and slug. Every write after the first is conditional on the
 * sequence number and primary term the writer read, so two editors can never overwrite each other unnoticed.
 */
@Component
class WorkingCopies {

    private final ElasticsearchClient client;
    private final String index;

    WorkingCopies(ElasticsearchClient client, IndexNames names) {
        this.client = client;
        this.index = names.alias(NarrativeIndices.WORKING_COPIES);
    }

    record Stored(NarrativeRecord record, EntityTag tag) {
    }

    Optional<Stored> find(NarrativeKey key) {
        try {
            GetResponse<NarrativeDocument> got = client.get(g -> g.index(index).id(key.documentId()),
                    NarrativeDocument.class);
            if (!got.found() || got.source() == null) {
                return Optional.empty();
            }
            return Optional.of(new Stored(got.source().record(), new EntityTag(got.seqNo(), got.primaryTerm())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails with {@link NarrativeAlreadyExists} when the tenant already has this slug. */
    EntityTag create(NarrativeRecord record, boolean refresh) {
        NarrativeKey key = NarrativeKey.of(record.narrative());
        try {
            IndexResponse response = client.index(i -> i.index(index).id(key.documentId()).opType(OpType.Create)
                    .document(NarrativeDocument.of(record)).refresh(refresh ? Refresh.True : Refresh.False));
            return new EntityTag(response.seqNo(), response.primaryTerm());
        } catch (ElasticsearchException e) {
            if (e.status() == 409) {
                throw new NarrativeAlreadyExists(key);
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails with {@link StaleEntityTag} when someone wrote since {@code expected} was read. */
    EntityTag replace(NarrativeRecord record, EntityTag expected, boolean refresh) {
        NarrativeKey key = NarrativeKey.of(record.narrative());
        try {
            IndexResponse response = client.index(i -> i.index(index).id(key.documentId())
                    .ifSeqNo(expected.seqNo()).ifPrimaryTerm(expected.primaryTerm())
                    .document(NarrativeDocument.of(record)).refresh(refresh ? Refresh.True : Refresh.False));
            return new EntityTag(response.seqNo(), response.primaryTerm());
        } catch (ElasticsearchException e) {
            if (e.status() == 409) {
                throw new StaleEntityTag(key);
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void refresh() {
        try {
            client.indices().refresh(r -> r.index(index));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
