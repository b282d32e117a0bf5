package nl.duiding.kb.campaign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import nl.duiding.kb.narrative.TenantCode;
import nl.duiding.kb.signal.SignalIndices;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.springframework.stereotype.Component;

/**
 * Is a group of near-identical contacts a burst, or just a frequent question? A real KCC gets hundreds of grofvuil
 * questions a day, and many of them read alike; a belactie is a group that is unusual against the tenant's own
 * history of <em>that</em> group.
 *
 * <p>The like of a group is counted the same way today and in the past: contacts of the tenant sharing at least two
 * of the group's {@value NearDuplicateClusters#TOP_BANDS} most common MinHash band keys (a chance text shares one
 * band with probability about s³ per band, two of eight almost never). With c contacts like it in the window and h
 * in the {@code baseline-days} before it, and V and H all the tenant's contacts in those periods, c and h are
 * Poisson with rates proportional to V and H when the group's share did not change; given c + h, c is binomial with
 * p = V / (V + H). The p-value is P(X ≥ c) (the exact conditional test for two Poisson rates); the group is a burst
 * when it is below {@code alpha} and c is at least {@code min-rate-ratio} times the expected h·V/H. A question asked
 * every day has c ≈ h·V/H and a p-value near one half; a new template has h ≈ 0 and p ≈ (V/(V+H))^c.
 * <b>Cold start:</b> with no history at all (H = 0) there is no past to compare with, so the group is compared with
 * the present: a burst when its contacts arrive unlike the tenant's other contacts in the window (a campaign comes in
 * waves, a frequent question follows the day's profile; {@link ArrivalConcentration}, p below {@code alpha}), or when
 * it is at least {@code cold-start-share} of all the window's contacts (no ordinary question is). <b>Little
 * history:</b> a history so small against the window that even the smallest campaign ({@code min-contacts}) with
 * no like in it could not reach {@code alpha} — (V/(V+H))^min-contacts ≥ alpha — is no history either: p is near
 * one and the first real campaign would go unseen. That is a few test contacts the week before go-live, and also
 * the morning after the first day, when the 24-hour window holds most of that day and the history only its first
 * hours. One request answers for all groups of a window.
 */
@Component
public class ClusterBaseline {

    private static final String ARRIVALS = "arrivals";

    /** The test's outcome for one group. */
    public record Verdict(long window, long history, long windowVolume, long historyVolume, double pValue,
            boolean burst) {
    }

    private final ElasticsearchClient client;
    private final SignalIndices indices;
    private final CampaignProperties properties;

    ClusterBaseline(ElasticsearchClient client, SignalIndices indices, CampaignProperties properties) {
        this.client = client;
        this.indices = indices;
        this.properties = properties;
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
                s.index(indices.details()).ignoreUnavailable(true).allowNoIndices(true).size(0)
                        .trackTotalHits(t -> t.enabled(false))
                        .query(q -> q.bool(b -> b.filter(tenantFilter(tenant)).filter(range(historyStart, to))))
                        .aggregations("windowVolume", a -> a.filter(window))
                        .aggregations("historyVolume", a -> a.filter(history));
                for (int i = 0; i < clusters.size(); i++) {
                    Query like = like(clusters.get(i));
                    s.aggregations("c" + i, a -> a.filter(like).aggregations("window", w -> w.filter(window)));
                }
                return s;
            }, Void.class);
            var aggs = response.aggregations();
            long windowVolume = aggs.get("windowVolume").filter().docCount();
            long historyVolume = aggs.get("historyVolume").filter().docCount();
            // Arrival times matter only without history: the usual round does not ask for them.
            double[] arrivals = coldStart(windowVolume, historyVolume, properties)
                    ? arrivalPValues(tenant, clusters, window) : null;
            List<Verdict> verdicts = new ArrayList<>(clusters.size());
            for (int i = 0; i < clusters.size(); i++) {
                var filter = aggs.get("c" + i).filter();
                long inWindow = filter.aggregations().get("window").filter().docCount();
                long before = filter.docCount() - inWindow;
                verdicts.add(verdict(new Counts(inWindow, before, windowVolume, historyVolume,
                        arrivals == null ? 1 : arrivals[i]), properties));
            }
            return verdicts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each group's arrival times in the window against the tenant's other contacts there (ArrivalConcentration). */
    private double[] arrivalPValues(TenantCode tenant, List<Cluster> clusters, Query window) throws IOException {
        var response = client.search(s -> {
            s.index(indices.details()).ignoreUnavailable(true).allowNoIndices(true).size(0)
                    .trackTotalHits(t -> t.enabled(false))
                    .query(q -> q.bool(b -> b.filter(tenantFilter(tenant)).filter(window)))
                    .aggregations(ARRIVALS, arrivals());
            for (int i = 0; i < clusters.size(); i++) {
                Query like = like(clusters.get(i));
                s.aggregations("c" + i, a -> a.filter(like).aggregations(ARRIVALS, arrivals()));
            }
            return s;
        }, Void.class);
        var aggs = response.aggregations();
        Map<Long, Long> tenantArrivals = buckets(aggs.get(ARRIVALS));
        long[] all = tenantArrivals.values().stream().mapToLong(Long::longValue).toArray();
        double[] pValues = new double[clusters.size()];
        for (int i = 0; i < clusters.size(); i++) {
            Map<Long, Long> groupArrivals = buckets(aggs.get("c" + i).filter().aggregations().get(ARRIVALS));
            long[] group = tenantArrivals.keySet().stream().mapToLong(k -> groupArrivals.getOrDefault(k, 0L))
                    .toArray();
            pValues[i] = ArrivalConcentration.pValue(all, group);
        }
        return pValues;
    }

    /** Contacts like the group: sharing at least two of its most common band keys (one when it has only one). */
    private static Query like(Cluster cluster) {
        return Query.of(q -> q.bool(b -> {
            cluster.topBands().forEach(band -> b.should(sh -> sh.term(t -> t.field("bands").value(band))));
            return b.minimumShouldMatch(cluster.topBands().size() >= 2 ? "2" : "1");
        }));
    }

    private static Query tenantFilter(TenantCode tenant) {
        return Query.of(q -> q.term(t -> t.field("tenant").value(tenant.value())));
    }

    /**
     * A history in which not even the smallest campaign, with no like in it, could be a burst is no history: the
     * cold start. That includes a history of fewer contacts than the smallest campaign.
     */
    static boolean coldStart(long windowVolume, long historyVolume, CampaignProperties properties) {
        int smallest = Math.max(1, properties.minContacts());
        if (historyVolume < smallest) {
            return true;
        }
        double share = (double) windowVolume / (windowVolume + historyVolume);
        return Math.pow(share, smallest) >= properties.alpha();
    }

    /**
     * A group's counts: {@code inWindow} and {@code history} contacts like it, {@code windowVolume} and
     * {@code historyVolume} contacts of the tenant, and the p-value of its arrival times against the tenant's other
     * contacts in the window (asked for on a cold start only; 1 otherwise, where it is not used).
     */
    record Counts(long inWindow, long history, long windowVolume, long historyVolume, double arrivalPValue) {
    }

    /**
     * The exact conditional test, with the tenant's contact volume as exposure: without a change in rate, the
     * group's share of window and history follows the tenant's (so a quiet weekend in the history or a growing
     * municipality does not make an ordinary Monday look like a burst). A burst also needs its count to be at least
     * {@code minRateRatio} times what the history leads to expect: a significant but small rise of a frequent
     * question is no campaign. A history too small to show even the smallest campaign is a cold start.
     */
    static Verdict verdict(Counts c, CampaignProperties properties) {
        if (coldStart(c.windowVolume(), c.historyVolume(), properties)) {
            boolean dominant = c.inWindow() >= properties.coldStartShare() * c.windowVolume();
            return new Verdict(c.inWindow(), c.history(), c.windowVolume(), c.historyVolume(), c.arrivalPValue(),
                    dominant || c.arrivalPValue() < properties.alpha());
        }
        if (c.inWindow() == 0) {
            return new Verdict(0, c.history(), c.windowVolume(), c.historyVolume(), 1, false);
        }
        double p = (double) c.windowVolume() / (c.windowVolume() + c.historyVolume());
        int trials = (int) Math.min(Integer.MAX_VALUE, c.inWindow() + c.history());
        double pValue = Math.max(0, 1 - new BinomialDistribution(null, trials, p)
                .cumulativeProbability((int) c.inWindow() - 1));
        double expected = c.history() * (double) c.windowVolume() / c.historyVolume();
        boolean burst = pValue < properties.alpha() && c.inWindow() >= properties.minRateRatio() * expected;
        return new Verdict(c.inWindow(), c.history(), c.windowVolume(), c.historyVolume(), pValue, burst);
    }

    /** Contacts per quarter of an hour, to compare arrival times. */
    private static Aggregation arrivals() {
        return Aggregation.of(a -> a.dateHistogram(h -> h.field("occurredAt").fixedInterval(t -> t.time("15m"))
                .minDocCount(0)));
    }

    private static Map<Long, Long> buckets(Aggregate histogram) {
        Map<Long, Long> counts = new TreeMap<>();
        histogram.dateHistogram().buckets().array().forEach(b -> counts.put(b.key(), b.docCount()));
        return counts;
    }

    private static Query range(Instant from, Instant to) {
        return Query.of(q -> q.range(r -> r.date(d -> d.field("occurredAt").gte(from.toString()).lt(to.toString()))));
    }
}
