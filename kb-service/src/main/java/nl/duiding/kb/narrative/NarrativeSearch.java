package nl.duiding.kb.narrative;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
import nl.duiding.kb.index.IndexNames;
import org.springframework.stereotype.Component;

/**
 * Full-text search for people: editors over the working copies, everyone else over what is published. The text
 * fields use our Dutch analysis (nl_index at index time, nl_search with synonyms at query time); filters narrow,
 * facets count per category, status, tenant and risk, and highlights come HTML-escaped with {@code <mark>}.
 */
@Component
public class NarrativeSearch {

    static final List<String> FACETS = List.of("category", "status", "tenant", "risk");
    private static final List<String> FIELDS = List.of("title^3", "title.exact^2", "summary^2", "summary.exact",
            "triggers^2", "triggers.exact", "background", "tags^2");
    private static final List<String> HIGHLIGHTED = List.of("title", "summary", "triggers", "background");

    private final ElasticsearchClient client;
    private final String workingCopies;
    private final String published;
    private final PublishedIndex publishedIndex;

    NarrativeSearch(ElasticsearchClient client, IndexNames names, PublishedIndex publishedIndex) {
        this.client = client;
        this.workingCopies = names.alias(NarrativeIndices.WORKING_COPIES);
        this.published = names.alias(NarrativeIndices.PUBLISHED);
        this.publishedIndex = publishedIndex;
    }

    public record Criteria(String text, Category category, NarrativeStatus status, TenantCode tenant, Risk risk,
            int page, int size) {
    }

    public record Result(List<Item> items, long total, int page, int size, Map<String, List<FacetValue>> facets) {
    }

    public record Item(String slug, String tenant, String title, String summary, String category, String risk,
            String status, int version, LocalDate reviewBy, Map<String, List<String>> highlights) {
    }

    public record FacetValue(String value, long count) {
    }

    /**
     * @param viewer  the tenant of the person searching: they see its narratives and the national ones
     * @param editors true to search the working copies, false for what agents see
     */
    public Result search(Criteria criteria, TenantCode viewer, boolean editors) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        if (criteria.text() != null && !criteria.text().isBlank()) {
            bool.must(m -> m.multiMatch(mm -> mm.query(criteria.text()).fields(FIELDS)
                    .type(TextQueryType.BestFields)));
        }
        bool.filter(visibleTo(viewer));
        if (!editors) {
            List<String> overridden = publishedIndex.localSlugs(viewer);
            if (!overridden.isEmpty()) {
                // The tenant's own version replaces the national one with the same slug.
                bool.mustNot(n -> n.bool(b -> b
                        .filter(f -> f.term(t -> t.field("tenant").value(TenantCode.NATIONAL.value())))
                        .filter(f -> f.terms(t -> t.field("slug").terms(v -> v.value(
                                overridden.stream().map(FieldValue::of).toList()))))));
            }
        }
        if (criteria.category() != null) {
            bool.filter(term("category", criteria.category().code()));
        }
        if (criteria.status() != null) {
            bool.filter(term("status", criteria.status().code()));
        }
        if (criteria.tenant() != null) {
            bool.filter(term("tenant", criteria.tenant().value()));
        }
        if (criteria.risk() != null) {
            bool.filter(term("risk", criteria.risk().code()));
        }
        boolean scored = criteria.text() != null && !criteria.text().isBlank();
        try {
            SearchResponse<NarrativeDocument> response = client.search(s -> {
                s.index(editors ? workingCopies : published)
                        .query(q -> q.bool(bool.build()))
                        .from((criteria.page() - 1) * criteria.size())
                        .size(criteria.size())
                        .trackTotalHits(t -> t.enabled(true))
                        .source(src -> src.filter(f -> f.excludes("record")))
                        .highlight(h -> {
                            h.encoder(HighlighterEncoder.Html).preTags("<mark>").postTags("</mark>")
                                    .fragmentSize(160).numberOfFragments(3);
                            return h.fields(HIGHLIGHTED.stream()
                                    .map(field -> NamedValue.of(field, HighlightField.of(f -> f))).toList());
                        });
                FACETS.forEach(facet -> s.aggregations(facet, a -> a.terms(t -> t.field(facet).size(50))));
                if (!scored) {
                    s.sort(o -> o.field(f -> f.field("title.sort").order(SortOrder.Asc)));
                }
                return s;
            }, NarrativeDocument.class);
            List<Item> items = response.hits().hits().stream().map(NarrativeSearch::item).toList();
            Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
            FACETS.forEach(facet -> facets.put(facet, buckets(response.aggregations().get(facet))));
            long total = response.hits().total() == null ? items.size() : response.hits().total().value();
            return new Result(items, total, criteria.page(), criteria.size(), facets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Working copies visible to {@code viewer} whose review date lies before {@code day}, most overdue first;
     * archived narratives are left out, nobody sees them any more.
     */
    public List<Item> dueForReview(TenantCode viewer, LocalDate day, int max) {
        try {
            return client.search(s -> s.index(workingCopies).size(max)
                            .query(q -> q.bool(b -> b.filter(visibleTo(viewer))
                                    .filter(f -> f.range(r -> r.date(d -> d.field("reviewBy").lt(day.toString()))))
                                    .mustNot(term("status", NarrativeStatus.GEARCHIVEERD.code()))))
                            .source(src -> src.filter(f -> f.excludes("record")))
                            .sort(o -> o.field(f -> f.field("reviewBy").order(SortOrder.Asc))),
                    NarrativeDocument.class).hits().hits().stream().map(NarrativeSearch::item).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Query visibleTo(TenantCode viewer) {
        List<FieldValue> tenants = viewer.isNational()
                ? List.of(FieldValue.of(TenantCode.NATIONAL.value()))
                : List.of(FieldValue.of(viewer.value()), FieldValue.of(TenantCode.NATIONAL.value()));
        return Query.of(q -> q.terms(t -> t.field("tenant").terms(v -> v.value(tenants))));
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    private static Item item(Hit<NarrativeDocument> hit) {
        NarrativeDocument d = hit.source();
        return new Item(d.slug(), d.tenant(), d.title(), d.summary(), d.category(), d.risk(), d.status(), d.version(),
                d.reviewBy(), hit.highlight());
    }

    private static List<FacetValue> buckets(Aggregate aggregate) {
        List<FacetValue> values = new ArrayList<>();
        if (aggregate != null && aggregate.isSterms()) {
            aggregate.sterms().buckets().array()
                    .forEach(b -> values.add(new FacetValue(b.key().stringValue(), b.docCount())));
        }
        return values;
    }
}
