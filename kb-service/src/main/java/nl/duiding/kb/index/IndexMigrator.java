package nl.duiding.kb.index;

import java.io.IOException;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import org.springframework.stereotype.Component;

/**
 * Copies every document of one index into another, keeping ids. The distribution we run has no reindex module,
 * so this walks the old index with a point in time and search_after and writes with bulk requests.
 */
@Component
class IndexMigrator {

    private static final int PAGE = 500;

    private final ElasticsearchClient client;

    IndexMigrator(ElasticsearchClient client) {
        this.client = client;
    }

    long copy(String from, String to) throws IOException {
        String pit = client.openPointInTime(p -> p.index(from).keepAlive(k -> k.time("2m"))).id();
        long copied = 0;
        try {
            List<FieldValue> after = null;
            while (true) {
                List<FieldValue> searchAfter = after;
                SearchResponse<JsonData> page = client.search(s -> {
                    s.pit(p -> p.id(pit).keepAlive(k -> k.time("2m")))
                            .size(PAGE)
                            .sort(o -> o.field(f -> f.field("_shard_doc").order(SortOrder.Asc)));
                    if (searchAfter != null) {
                        s.searchAfter(searchAfter);
                    }
                    return s;
                }, JsonData.class);
                List<Hit<JsonData>> hits = page.hits().hits();
                if (hits.isEmpty()) {
                    break;
                }
                BulkResponse bulk = client.bulk(b -> {
                    hits.forEach(hit -> b.operations(o -> o.index(i -> i.index(to).id(hit.id()).document(hit.source()))));
                    return b;
                });
                if (bulk.errors()) {
                    throw new IllegalStateException("Copy from " + from + " to " + to + " failed: " + bulk.items().stream()
                            .filter(item -> item.error() != null).findFirst().map(item -> item.error().reason()).orElse("?"));
                }
                copied += hits.size();
                after = hits.getLast().sort();
            }
            client.indices().refresh(r -> r.index(to));
            return copied;
        } finally {
            client.closePointInTime(c -> c.id(pit));
        }
    }
}
