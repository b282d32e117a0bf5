package nl.duiding.kb.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import nl.duiding.kb.index.IndexNames;
import nl.duiding.kb.narrative.TenantCode;
import org.springframework.stereotype.Component;

/**
 * Search-as-you-type for the sidebar: narratives whose title or a trigger phrasing starts with what the agent has
 * typed so far (every typed word as a prefix, via the edge n-gram subfields), best first, one entry per narrative.
 */
@Component
class Suggestions {

    private final ElasticsearchClient client;
    private final String index;

    Suggestions(ElasticsearchClient client, IndexNames names) {
        this.client = client;
        this.index = names.alias(MatchIndices.MATCH);
    }

    List<Suggestion> suggest(String typed, TenantCode tenant, int size) {
        List<FieldValue> tenants = tenant == null || tenant.isNational()
                ? List.of(FieldValue.of(TenantCode.NATIONAL.value()))
                : List.of(FieldValue.of(TenantCode.NATIONAL.value()), FieldValue.of(tenant.value()));
        try {
            var response = client.search(s -> s.index(index).size(size * 4)
                    .source(src -> src.filter(f -> f.includes("kind", "slug", "tenant", "text", "title",
                            "narrative.title", "narrative.category", "narrative.risk")))
                    .query(q -> q.bool(b -> b
                            .filter(f -> f.terms(t -> t.field("tenant").terms(v -> v.value(tenants))))
                            .filter(f -> f.terms(t -> t.field("kind").terms(v -> v.value(List.of(
                                    FieldValue.of(MatchDocument.TRIGGER), FieldValue.of(MatchDocument.PROFILE))))))
                            .should(x -> x.match(m -> m.field("title.prefix").query(typed).operator(Operator.And)
                                    .boost(3f)))
                            .should(x -> x.match(m -> m.field("text.prefix").query(typed).operator(Operator.And)))
                            .minimumShouldMatch("1"))), MatchDocument.class);
            Map<String, Suggestion> bySlug = new LinkedHashMap<>();
            Map<String, String> phrasing = new LinkedHashMap<>();
            List<String> order = new ArrayList<>();
            response.hits().hits().forEach(hit -> {
                MatchDocument doc = hit.source();
                if (doc == null) {
                    return;
                }
                if (!order.contains(doc.slug())) {
                    order.add(doc.slug());
                }
                if (MatchDocument.TRIGGER.equals(doc.kind())) {
                    phrasing.putIfAbsent(doc.slug(), doc.text());
                }
                // A municipality's own version wins over the national one.
                if (MatchDocument.PROFILE.equals(doc.kind()) && doc.narrative() != null
                        && (!bySlug.containsKey(doc.slug()) || !TenantCode.NATIONAL.value().equals(doc.tenant()))) {
                    bySlug.put(doc.slug(), new Suggestion(doc.slug(), doc.narrative().title(),
                            doc.narrative().category().code(), doc.narrative().risk().code(), null));
                }
            });
            List<Suggestion> result = new ArrayList<>();
            for (String slug : order) {
                Suggestion suggestion = bySlug.get(slug);
                if (suggestion == null) {
                    suggestion = profile(slug, tenants);
                }
                if (suggestion != null) {
                    result.add(suggestion.withPhrasing(phrasing.get(slug)));
                }
                if (result.size() == size) {
                    break;
                }
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Suggestion profile(String slug, List<FieldValue> tenants) throws IOException {
        var response = client.search(s -> s.index(index).size(2)
                .query(q -> q.bool(b -> b
                        .filter(f -> f.term(t -> t.field("kind").value(MatchDocument.PROFILE)))
                        .filter(f -> f.term(t -> t.field("slug").value(slug)))
                        .filter(f -> f.terms(t -> t.field("tenant").terms(v -> v.value(tenants)))))),
                MatchDocument.class);
        return response.hits().hits().stream().map(h -> h.source()).filter(d -> d != null && d.narrative() != null)
                .sorted((a, b) -> TenantCode.NATIONAL.value().equals(a.tenant()) ? 1 : -1)
                .findFirst()
                .map(d -> new Suggestion(slug, d.narrative().title(), d.narrative().category().code(),
                        d.narrative().risk().code(), null))
                .orElse(null);
    }

    /** One suggestion: the narrative and, when a phrasing matched, that phrasing. */
    record Suggestion(String slug, String title, String category, String risk, String phrasing) {

        Suggestion withPhrasing(String matched) {
            return new Suggestion(slug, title, category, risk, matched);
        }
    }
}
