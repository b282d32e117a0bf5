package nl.duiding.kb.narrative;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.OpType;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import nl.duiding.kb.index.IndexNames;
import org.springframework.stereotype.Component;

/** The immutable history: revisions are only ever created (op_type create), never updated or deleted. */
@Component
class RevisionLog {

    // A narrative with more revisions than this is listed newest first and cut off; older ones stay readable by number.
    private static final int MAX_LISTED = 1000;

    private final ElasticsearchClient client;
    private final String index;

    RevisionLog(ElasticsearchClient client, IndexNames names) {
        this.client = client;
        this.index = names.alias(NarrativeIndices.REVISIONS);
    }

    void append(Revision revision, boolean refresh) {
        NarrativeKey key = new NarrativeKey(revision.tenant(), revision.slug());
        try {
            client.index(i -> i.index(index).id(key.revisionId(revision.version())).opType(OpType.Create)
                    .document(revision).refresh(refresh ? Refresh.True : Refresh.False));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Revision> list(NarrativeKey key) {
        try {
            return client.search(s -> s.index(index).size(MAX_LISTED)
                            .query(q -> q.bool(b -> b
                                    .filter(f -> f.term(t -> t.field("slug").value(key.slug().value())))
                                    .filter(f -> f.term(t -> t.field("tenant").value(key.tenant().value())))))
                            .sort(o -> o.field(f -> f.field("version").order(SortOrder.Desc))),
                    Revision.class).hits().hits().stream().map(Hit::source).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<Revision> find(NarrativeKey key, int version) {
        try {
            GetResponse<Revision> got = client.get(g -> g.index(index).id(key.revisionId(version)), Revision.class);
            return got.found() ? Optional.ofNullable(got.source()) : Optional.empty();
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
