package nl.duiding.kb.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import org.springframework.stereotype.Component;

/**
 * Walks every document matching a query, page by page, with a point in time and search_after: the way to read a
 * whole index consistently (sorting on {@code _id} is not allowed, and scroll is the older way).
 */
@Component
public class IndexScanner {

    private static final String KEEP_ALIVE = "2m";

    private final ElasticsearchClient client;

    public IndexScanner(ElasticsearchClient client) {
        this.client = client;
    }

    /** Calls {@code page} with each non-empty page of hits; {@code withSource} false fetches ids only. */
    public void scan(String index, Query query, int pageSize, boolean withSource, Consumer<List<Hit<JsonData>>> page) {
        try {
            String pit = client.openPointInTime(p -> p.index(index).keepAlive(k -> k.time(KEEP_ALIVE))).id();
            try {
                List<FieldValue> after = null;
                while (true) {
                    List<FieldValue> searchAfter = after;
                    SearchResponse<JsonData> response = client.search(s -> {
                        s.pit(p -> p.id(pit).keepAlive(k -> k.time(KEEP_ALIVE)))
                                .query(query)
                                .size(pageSize)
                                .source(src -> src.fetch(withSource))
                                .sort(o -> o.field(f -> f.field("_shard_doc").order(SortOrder.Asc)));
                        if (searchAfter != null) {
                            s.searchAfter(searchAfter);
                        }
                        return s;
                    }, JsonData.class);
                    List<Hit<JsonData>> hits = response.hits().hits();
                    if (hits.isEmpty()) {
                        return;
                    }
                    page.accept(hits);
                    after = hits.getLast().sort();
                }
            } finally {
                client.closePointInTime(c -> c.id(pit));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
