package nl.duiding.kb.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import nl.duiding.kb.index.IndexNames;
import nl.duiding.kb.index.ManagedIndex;
import nl.duiding.kb.narrative.TenantCode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/** The reports the morning scheduler made, so the analyst reads exactly what was made that morning. */
@Component
class ReportStore {

    static final ManagedIndex REPORTS = ManagedIndex.of("reports", 1);

    record StoredReport(String tenant, LocalDate date, Instant generatedAt, DailyReport report) {
    }

    private final ElasticsearchClient client;
    private final String index;

    ReportStore(ElasticsearchClient client, IndexNames names) {
        this.client = client;
        this.index = names.alias(REPORTS.name());
    }

    void save(DailyReport report) {
        try {
            client.index(i -> i.index(index).id(report.tenant() + ":" + report.date())
                    .document(new StoredReport(report.tenant(), report.date(), report.generatedAt(), report)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<DailyReport> find(TenantCode tenant, LocalDate date) {
        try {
            var response = client.get(g -> g.index(index).id(tenant.value() + ":" + date), StoredReport.class);
            return response.found() ? Optional.of(response.source().report()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Indices {

        @Bean
        ManagedIndex reportsIndex() {
            return REPORTS;
        }
    }
}
