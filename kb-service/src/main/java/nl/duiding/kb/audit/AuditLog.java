package nl.duiding.kb.audit;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import nl.duiding.kb.index.IndexNames;
import nl.duiding.kb.narrative.TenantCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes and reads the audit log in Elasticsearch. Entries are only ever created ({@code op_type=create} with a new
 * id), never updated or deleted one by one; whole months go when they pass the retention period. They land in the
 * month's index of their own time ({@code <prefix>-audit-v1-2026.11}), created on first write from the template.
 */
@Component
class AuditLog {

    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM").withZone(ZoneOffset.UTC);
    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final ElasticsearchClient client;
    private final IndexNames names;

    AuditLog(ElasticsearchClient client, IndexNames names) {
        this.client = client;
        this.names = names;
    }

    /**
     * Stores one entry. A failure is logged, not thrown: the action it records has already happened (or been refused)
     * and must not be reported otherwise to the user; the log line names action and subject, never more.
     */
    void append(AuditEntry entry) {
        String index = names.timeBased(AuditIndices.INDEX, MONTH.format(entry.at()));
        try {
            client.create(c -> c.index(index).id(UUID.randomUUID().toString()).document(entry));
        } catch (IOException | ElasticsearchException e) {
            log.error("Audit entry not stored: {} {} {} ({})", entry.action(), entry.subject(), entry.outcome(),
                    e.getClass().getSimpleName());
        }
    }

    record Criteria(Instant from, Instant to, String actor, String action, int page, int size) {
    }

    record Page(List<AuditEntry> entries, long total) {
    }

    /** Newest first; a municipality's beheerder sees what its own people did and what touched its own data. */
    Page search(Criteria criteria, TenantCode scope) throws IOException {
        List<Query> filters = new ArrayList<>();
        if (criteria.from() != null || criteria.to() != null) {
            filters.add(Query.of(q -> q.range(r -> r.date(d -> {
                d.field("at");
                if (criteria.from() != null) {
                    d.gte(criteria.from().toString());
                }
                if (criteria.to() != null) {
                    d.lt(criteria.to().toString());
                }
                return d;
            }))));
        }
        if (criteria.actor() != null) {
            filters.add(Query.of(q -> q.term(t -> t.field("actor").value(criteria.actor()))));
        }
        if (criteria.action() != null) {
            filters.add(Query.of(q -> q.term(t -> t.field("action").value(criteria.action()))));
        }
        if (!scope.isNational()) {
            filters.add(Query.of(q -> q.bool(b -> b.minimumShouldMatch("1")
                    .should(s -> s.term(t -> t.field("actorTenant").value(scope.value())))
                    .should(s -> s.term(t -> t.field("tenant").value(scope.value()))))));
        }
        SearchResponse<AuditEntry> response = client.search(s -> s.index(names.alias(AuditIndices.INDEX.name()))
                        // Before the first entry is written there is no monthly index and so no alias yet.
                        .ignoreUnavailable(true).allowNoIndices(true)
                        .query(q -> q.bool(b -> b.filter(filters)))
                        .sort(o -> o.field(f -> f.field("at").order(SortOrder.Desc)))
                        .from((criteria.page() - 1) * criteria.size()).size(criteria.size())
                        .trackTotalHits(t -> t.enabled(true)),
                AuditEntry.class);
        long total = response.hits().total() == null ? response.hits().hits().size() : response.hits().total().value();
        return new Page(response.hits().hits().stream().map(Hit::source).toList(), total);
    }

    /** Names of the monthly indices that exist, for retention. */
    List<String> monthlyIndices() throws IOException {
        String pattern = names.alias(AuditIndices.INDEX.name()) + "-v*";
        return new ArrayList<>(client.indices().get(g -> g.index(pattern).ignoreUnavailable(true)
                .allowNoIndices(true)).indices().keySet());
    }

    void delete(String index) throws IOException {
        client.indices().delete(d -> d.index(index));
    }

    void refresh() throws IOException {
        client.indices().refresh(r -> r.index(names.alias(AuditIndices.INDEX.name())).ignoreUnavailable(true)
                .allowNoIndices(true));
    }
}
