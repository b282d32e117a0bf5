package nl.duiding.kb.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import nl.duiding.kb.index.IndexNames;
import org.springframework.stereotype.Component;

/**
 * The yardstick for matching: a plain {@code multi_match} with Elasticsearch's standard analyzer over title,
 * summary and trigger phrasings, best five narratives, no threshold.
 */
@Component
class BaselineMatcher {

    private final ElasticsearchClient client;
    private final String index;

    BaselineMatcher(ElasticsearchClient client, IndexNames names) {
        this.client = client;
        this.index = names.alias(MatchIndices.BASELINE);
    }

    List<String> match(String text) {
        try {
            Query query = Query.of(q -> q.multiMatch(m -> m.query(text).fields("title", "summary", "triggers")));
            return client.search(s -> s.index(index).size(5).query(query).source(src -> src.fetch(false)), Void.class)
                    .hits().hits().stream()
                    .map(hit -> hit.id().substring(hit.id().indexOf('|') + 1))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
