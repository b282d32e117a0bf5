package nl.duiding.kb.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import nl.duiding.kb.lease.ClusterLease;
import nl.duiding.kb.narrative.TenantCode;
import nl.duiding.kb.signal.SignalIndices;
import nl.duiding.kb.signal.SignalProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes yesterday's report for every municipality with contacts, every morning at {@code duiding.reports.cron}.
 * With several kb-service instances each report is made exactly once: its run is claimed through
 * {@link ClusterLease#once} on the name {@code daily-report:<tenant>:<date>}.
 */
@Component
class DailyReportScheduler {

    private static final Logger log = LoggerFactory.getLogger(DailyReportScheduler.class);
    private static final Duration CLAIM = Duration.ofMinutes(30);

    private final DailyReportService service;
    private final ReportStore store;
    private final ClusterLease lease;
    private final ElasticsearchClient client;
    private final SignalIndices indices;
    private final SignalProperties signals;
    private final Clock clock;

    DailyReportScheduler(DailyReportService service, ReportStore store, ClusterLease lease, ElasticsearchClient client,
            SignalIndices indices, SignalProperties signals, Clock clock) {
        this.service = service;
        this.store = store;
        this.lease = lease;
        this.client = client;
        this.indices = indices;
        this.signals = signals;
        this.clock = clock;
    }

    @Scheduled(cron = "${duiding.reports.cron:0 30 6 * * *}", zone = "${duiding.signals.zone:Europe/Amsterdam}")
    void morning() {
        try {
            run(LocalDate.now(clock.withZone(signals.zone())).minusDays(1));
        } catch (RuntimeException e) {
            log.warn("Daily reports failed: {}", e.toString());
        }
    }

    /** @return the tenants whose report this call made (the others were made, or are being made, elsewhere) */
    List<TenantCode> run(LocalDate date) {
        List<TenantCode> made = new ArrayList<>();
        for (TenantCode tenant : tenantsWithContacts(date)) {
            boolean ran = lease.once("daily-report:" + tenant + ":" + date, CLAIM,
                    () -> store.save(service.generate(tenant, date)));
            if (ran) {
                made.add(tenant);
                log.info("Daily report for {} on {} made", tenant, date);
            }
        }
        return made;
    }

    private List<TenantCode> tenantsWithContacts(LocalDate date) {
        String from = date.atStartOfDay(signals.zone()).toInstant().toString();
        String to = date.plusDays(1).atStartOfDay(signals.zone()).toInstant().toString();
        try {
            var response = client.search(s -> s.index(indices.signals()).ignoreUnavailable(true).allowNoIndices(true)
                    .size(0).query(q -> q.range(r -> r.date(d -> d.field("occurredAt").gte(from).lt(to))))
                    .aggregations("tenants", a -> a.terms(t -> t.field("tenant").size(1000))), Void.class);
            var agg = response.aggregations().get("tenants");
            if (agg == null) {
                return List.of();
            }
            return agg.sterms().buckets().array().stream().map(StringTermsBucket::key).map(FieldValue::stringValue)
                    .map(TenantCode::new).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
