package nl.duiding.kb.narrative;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import nl.duiding.kb.index.IndexNames;
import org.springframework.stereotype.Component;

/** What agents see: one document per tenant and slug holding the last published snapshot. */
@Component
class PublishedIndex implements PublishedNarratives {

    private static final int PAGE = 500;

    private final ElasticsearchClient client;
    private final String index;

    PublishedIndex(ElasticsearchClient client, IndexNames names) {
        this.client = client;
        this.index = names.alias(NarrativeIndices.PUBLISHED);
    }

    void put(NarrativeRecord record, boolean refresh) {
        try {
            client.index(i -> i.index(index).id(NarrativeKey.of(record.narrative()).documentId())
                    .document(NarrativeDocument.of(record)).refresh(refresh ? Refresh.True : Refresh.False));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when there was a published version to take away. */
    boolean remove(NarrativeKey key, boolean refresh) {
        try {
            return client.delete(d -> d.index(index).id(key.documentId())
                    .refresh(refresh ? Refresh.True : Refresh.False)).result().jsonValue().equals("deleted");
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

    Optional<NarrativeRecord> get(NarrativeKey key) {
        try {
            GetResponse<NarrativeDocument> got = client.get(g -> g.index(index).id(key.documentId()),
                    NarrativeDocument.class);
            return got.found() && got.source() != null ? Optional.of(got.source().record()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<NarrativeRecord> find(Slug slug, TenantCode tenant) {
        if (!tenant.isNational()) {
            Optional<NarrativeRecord> local = get(new NarrativeKey(tenant, slug));
            if (local.isPresent()) {
                return local;
            }
        }
        return get(new NarrativeKey(TenantCode.NATIONAL, slug));
    }

    @Override
    public List<NarrativeRecord> all() {
        return scan(null);
    }

    @Override
    public List<NarrativeRecord> visibleTo(TenantCode tenant) {
        Map<Slug, NarrativeRecord> bySlug = new LinkedHashMap<>();
        List<NarrativeRecord> visible = scan(tenant);
        visible.stream().filter(r -> r.tenant().isNational()).forEach(r -> bySlug.put(r.slug(), r));
        // A local narrative with a national slug replaces the national one for this tenant.
        visible.stream().filter(r -> !r.tenant().isNational()).forEach(r -> bySlug.put(r.slug(), r));
        return List.copyOf(bySlug.values());
    }

    /** The slugs this tenant has published locally: search uses them to hide the national versions they override. */
    List<String> localSlugs(TenantCode tenant) {
        if (tenant.isNational()) {
            return List.of();
        }
        try {
            // Local narratives are few per municipality; 10,000 is far beyond any real library.
            return client.search(s -> s.index(index).size(10_000)
                            .query(q -> q.term(t -> t.field("tenant").value(tenant.value())))
                            .source(src -> src.filter(f -> f.includes("slug"))), SlugOnly.class)
                    .hits().hits().stream().map(hit -> hit.source().slug()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record SlugOnly(String slug) {
    }

    private List<NarrativeRecord> scan(TenantCode tenant) {
        List<NarrativeRecord> records = new ArrayList<>();
        List<FieldValue> after = null;
        try {
            while (true) {
                List<FieldValue> searchAfter = after;
                SearchResponse<NarrativeDocument> page = client.search(s -> {
                    s.index(index).size(PAGE)
                            .sort(o -> o.field(f -> f.field("tenant").order(SortOrder.Asc)))
                            .sort(o -> o.field(f -> f.field("slug").order(SortOrder.Asc)));
                    if (tenant != null) {
                        s.query(q -> q.terms(t -> t.field("tenant").terms(v -> v.value(List.of(
                                FieldValue.of(tenant.value()), FieldValue.of(TenantCode.NATIONAL.value()))))));
                    }
                    if (searchAfter != null) {
                        s.searchAfter(searchAfter);
                    }
                    return s;
                }, NarrativeDocument.class);
                List<Hit<NarrativeDocument>> hits = page.hits().hits();
                hits.forEach(hit -> records.add(hit.source().record()));
                if (hits.size() < PAGE) {
                    return records;
                }
                after = hits.getLast().sort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
