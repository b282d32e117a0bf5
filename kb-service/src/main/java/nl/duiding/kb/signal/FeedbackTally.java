package nl.duiding.kb.signal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregationSource;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.util.NamedValue;
import nl.duiding.kb.editor.FeedbackCounts;
import nl.duiding.kb.narrative.TenantCode;
import org.springframework.stereotype.Component;

/**
 * The editor's usage counts from the sidebar's feedback clicks. A municipality's editor counts its own agents'
 * clicks; a national editor counts every municipality's. Counted per narrative (as the agent saw it: the local
 * version or the national one) and script.
 */
@Component
class FeedbackTally implements FeedbackCounts {

    private static final int PAGE = 1000;
    /** The kinds that are counted, in the order of {@link Count}'s fields; "ander-onderwerp" is not. */
    private static final List<String> KINDS = List.of("getoond", "gebruikt", "hielp", "hielp-niet");

    private record Script(String tenant, String slug, String channel) {
    }

    private final ElasticsearchClient client;
    private final SignalIndices indices;

    FeedbackTally(ElasticsearchClient client, SignalIndices indices) {
        this.client = client;
        this.indices = indices;
    }

    @Override
    public List<Count> between(TenantCode viewer, Instant from, Instant to) {
        List<Query> filters = new ArrayList<>();
        filters.add(Query.of(q -> q.range(r -> r.date(d -> d.field("at").gte(from.toString()).lt(to.toString())))));
        if (!viewer.isNational()) {
            filters.add(Query.of(q -> q.term(t -> t.field("tenant").value(viewer.value()))));
        }
        Map<Script, long[]> tally = new LinkedHashMap<>();
        Map<String, FieldValue> after = null;
        do {
            CompositeAggregate page = page(filters, after);
            for (CompositeBucket bucket : page.buckets().array()) {
                Script script = new Script(bucket.key().get("narrativeTenant").stringValue(),
                        bucket.key().get("slug").stringValue(), bucket.key().get("scriptChannel").stringValue());
                long[] kinds = tally.computeIfAbsent(script, k -> new long[KINDS.size()]);
                int kind = KINDS.indexOf(bucket.key().get("kind").stringValue());
                if (kind >= 0) {
                    kinds[kind] += bucket.docCount();
                }
            }
            after = page.buckets().array().size() < PAGE || page.afterKey().isEmpty() ? null : page.afterKey();
        } while (after != null);
        List<Count> counts = new ArrayList<>();
        tally.forEach((script, kinds) -> counts.add(new Count(script.slug(), script.tenant(), script.channel(),
                kinds[0], kinds[1], kinds[2], kinds[3])));
        return counts;
    }

    private CompositeAggregate page(List<Query> filters, Map<String, FieldValue> after) {
        try {
            var response = client.search(s -> s.index(indices.feedback()).ignoreUnavailable(true)
                    .allowNoIndices(true).size(0).query(q -> q.bool(b -> b.filter(filters)))
                    .aggregations("usage", a -> a.composite(c -> {
                        c.size(PAGE).sources(source("narrativeTenant"), source("slug"), source("scriptChannel"),
                                source("kind"));
                        return after == null ? c : c.after(after);
                    })), Void.class);
            var usage = response.aggregations().get("usage");
            return usage == null ? CompositeAggregate.of(c -> c.buckets(b -> b.array(List.of()))) : usage.composite();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static NamedValue<CompositeAggregationSource> source(String field) {
        return NamedValue.of(field, CompositeAggregationSource.of(s -> s.terms(t -> t.field(field))));
    }
}
