package nl.duiding.kb.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicLong;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import org.springframework.stereotype.Component;

/**
 * Copies every document of one index into another, keeping ids. The distribution we run has no reindex module,
 * so this reads the old index page by page and writes with bulk requests.
 */
@Component
class IndexMigrator {

    private static final int PAGE = 500;

    private final ElasticsearchClient client;
    private final IndexScanner scanner;

    IndexMigrator(ElasticsearchClient client, IndexScanner scanner) {
        this.client = client;
        this.scanner = scanner;
    }

    long copy(String from, String to) throws IOException {
        AtomicLong copied = new AtomicLong();
        scanner.scan(from, Query.of(q -> q.matchAll(m -> m)), PAGE, true, hits -> {
            try {
                BulkResponse bulk = client.bulk(b -> {
                    hits.forEach(hit -> b.operations(o -> o.index(i -> i.index(to).id(hit.id()).document(hit.source()))));
                    return b;
                });
                if (bulk.errors()) {
                    throw new IllegalStateException("Copy from " + from + " to " + to + " failed: " + bulk.items()
                            .stream().filter(item -> item.error() != null).findFirst()
                            .map(item -> item.error().reason()).orElse("?"));
                }
                copied.addAndGet(hits.size());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        client.indices().refresh(r -> r.index(to));
        return copied.get();
    }
}
