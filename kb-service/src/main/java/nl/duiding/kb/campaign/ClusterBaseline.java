package nl.duiding.kb.campaign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import nl.duiding.kb.narrative.TenantCode;
import nl.duiding.kb.signal.SignalIndices;
import nl.duiding.kb.signal.SignalProperties;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.springframework.stereotype.Component;

/**
 * Is a group of near-identical contacts a burst, or just a frequent question? A real KCC gets hundreds of grofvuil
 * questions a day, and many of them read alike; a belactie is a group that is unusual against the tenant's own
 * history of <em>that</em> group.
 *
 * <p>The like of a group is counted the same way today and in the past: contacts of the tenant sharing at least two
 * of the group's {@value NearDuplicateClusters#TOP_BANDS} most common MinHash band keys (a chance text shares one
 * band with probability about s³ per band, two of eight almost never). With c contacts like it in the window of w
 * days and h in the d days before it on which the tenant had contacts (at most {@code baseline-days}), both are
 * Poisson with the group's own rate; given c + h, c is binomial with p = w / (w + d) when the rate did not change.
 * The p-value is P(X ≥ c) (the exact conditional test for two Poisson rates); the group is a burst when it is below
 * {@code duiding.campaigns.alpha}. A group asked every day has h ≈ c·d/w and a p-value near one half; a new template
 * has h ≈ 0 and p ≈ (w/(w+d))^c. <b>Cold start:</b> with no day of history (d = 0) there is nothing to compare with,
 * and every group passing the size thresholds counts as a burst, as before a baseline exists. One request answers
 * for all groups of a window.
 */
@Component
public class ClusterBaseline {

    /** The test's outcome for one group. */
    public record Verdict(long window, long history, int historyDays, double pValue, boolean burst) {
    }

    private final ElasticsearchClient client;
    private final SignalIndices indices;
    private final CampaignProperties properties;
    private final ZoneId zone;

    ClusterBaseline(ElasticsearchClient client, SignalIndices indices, CampaignProperties properties,
            SignalProperties signals) {
        this.client = client;
        this.indices = indices;
        this.properties = properties;
        this.zone = signals.zone();
    }

    /** One verdict per group, in order. */
    public List<Verdict> test(TenantCode tenant, List<Cluster> clusters, Instant from, Instant to) {
        if (clusters.isEmpty()) {
            return List.of();
        }
        Instant historyStart = from.minus(Duration.ofDays(properties.baselineDays()));
        Query window = range(from, to);
        Query history = range(historyStart, from);
        try {
            var response = client.search(s -> {
                s.index(indices.details()).ignoreUnavailable(true).allowNoIndices(true).size(0).trackTotalHits(t -> t
                        .enabled(false))
                        .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("tenant").value(tenant.value())))
                                .filter(range(historyStart, to))))
                        .aggregations("days", a -> a.filter(history).aggregations("days", d -> d.dateHistogram(h -> h
                                .field("occurredAt").calendarInterval(CalendarInterval.Day).timeZone(zone.getId())
                                .minDocCount(1))));
                for (int i = 0; i < clusters.size(); i++) {
                    Cluster cluster = clusters.get(i);
                    s.aggregations("c" + i, Aggregation.of(a -> a.filter(f -> f.bool(b -> {
                        cluster.topBands().forEach(band -> b.should(sh -> sh.term(t -> t.field("bands").value(band))));
                        return b.minimumShouldMatch(cluster.topBands().size() >= 2 ? "2" : "1");
                    })).aggregations("window", w -> w.filter(window))));
                }
                return s;
            }, Void.class);
            var aggs = response.aggregations();
            int days = aggs.get("days").filter().aggregations().get("days").dateHistogram().buckets().array().size();
            double windowDays = Math.max(1.0 / 24, Duration.between(from, to).toMinutes() / 1440.0);
            List<Verdict> verdicts = new ArrayList<>(clusters.size());
            for (int i = 0; i < clusters.size(); i++) {
                var filter = aggs.get("c" + i).filter();
                long inWindow = filter.aggregations().get("window").filter().docCount();
                long before = filter.docCount() - inWindow;
                verdicts.add(verdict(inWindow, before, days, windowDays, properties.alpha()));
            }
            return verdicts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The exact conditional test; public for its unit test and the documentation's examples. */
    static Verdict verdict(long inWindow, long history, int historyDays, double windowDays, double alpha) {
        if (historyDays == 0) {
            return new Verdict(inWindow, history, 0, 0, true);
        }
        if (inWindow == 0) {
            return new Verdict(0, history, historyDays, 1, false);
        }
        double p = windowDays / (windowDays + historyDays);
        int trials = (int) Math.min(Integer.MAX_VALUE, inWindow + history);
        double pValue = new BinomialDistribution(null, trials, p).cumulativeProbability((int) inWindow - 1);
        pValue = Math.max(0, 1 - pValue);
        return new Verdict(inWindow, history, historyDays, pValue, pValue < alpha);
    }

    private static Query range(Instant from, Instant to) {
        return Query.of(q -> q.range(r -> r.date(d -> d.field("occurredAt").gte(from.toString()).lt(to.toString()))));
    }
}
