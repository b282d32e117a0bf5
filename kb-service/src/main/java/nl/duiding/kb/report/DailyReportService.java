package nl.duiding.kb.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import nl.duiding.kb.campaign.Campaign;
import nl.duiding.kb.campaign.CampaignDetector;
import nl.duiding.kb.campaign.CampaignProperties;
import nl.duiding.kb.campaign.CampaignStatus;
import nl.duiding.kb.campaign.Cluster;
import nl.duiding.kb.campaign.NearDuplicateClusters;
import nl.duiding.kb.narrative.PublishedNarratives;
import nl.duiding.kb.narrative.Slug;
import nl.duiding.kb.narrative.TenantCode;
import nl.duiding.kb.signal.SignalDetail;
import nl.duiding.kb.signal.SignalIndices;
import nl.duiding.kb.signal.SignalProperties;
import nl.duiding.kb.signal.TextFingerprint;
import org.springframework.stereotype.Service;

/** Builds the daily belactie pattern report of one municipality and day from the signal indices. */
@Service
public class DailyReportService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DailyReportService.class);

    private static final int MAX_CLUSTERS = 8;
    private static final int MAX_REPEAT = 20;

    private final ElasticsearchClient client;
    private final SignalIndices indices;
    private final SignalProperties signals;
    private final ReportProperties properties;
    private final CampaignProperties campaignProperties;
    private final NearDuplicateClusters clusters;
    private final CampaignDetector detector;
    private final PublishedNarratives narratives;
    private final Clock clock;

    DailyReportService(ElasticsearchClient client, SignalIndices indices, SignalProperties signals,
            ReportProperties properties, CampaignProperties campaignProperties, NearDuplicateClusters clusters,
            CampaignDetector detector, PublishedNarratives narratives, Clock clock) {
        this.client = client;
        this.indices = indices;
        this.signals = signals;
        this.properties = properties;
        this.campaignProperties = campaignProperties;
        this.clusters = clusters;
        this.detector = detector;
        this.narratives = narratives;
        this.clock = clock;
    }

    public DailyReport generate(TenantCode tenant, LocalDate date) {
        ZoneId zone = signals.zone();
        Instant start = date.atStartOfDay(zone).toInstant();
        Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
        Instant historyStart = date.minusWeeks(properties.baselineWeeks()).atStartOfDay(zone).toInstant();
        boolean textsAvailable = !start.isBefore(clock.instant().minus(signals.textRetention()).minusSeconds(86_400));
        // The parts are independent searches: ask them at once (the report's time is its slowest part, not the sum).
        try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Counts> countsF = parallel.submit(() -> timed("counts", () -> counts(tenant, start, end, historyStart, date,
                    zone)));
            Future<Groups> groupsF = parallel.submit(() -> timed("groups", () -> textsAvailable
                    ? groups(tenant, start, end, parallel) : new Groups(List.of(), List.of())));
            Future<List<DailyReport.TermEntry>> termsF = parallel.submit(() -> timed("terms", () -> textsAvailable
                    ? emergingTerms(tenant, start, end) : List.<DailyReport.TermEntry>of()));
            Future<List<DailyReport.RepeatContact>> repeatsF = parallel.submit(() -> timed("repeats", () -> textsAvailable
                    ? repeatContacts(tenant, start, end) : List.<DailyReport.RepeatContact>of()));
            return assemble(tenant, date, zone, get(countsF), get(groupsF), get(termsF), get(repeatsF),
                    textsAvailable);
        }
    }

    private <T> T timed(String part, java.util.concurrent.Callable<T> work) throws Exception {
        long t0 = System.nanoTime();
        try {
            return work.call();
        } finally {
            log.debug("Report part {} took {} ms", part, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Report interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The day's campaigns and new clusters. */
    private record Groups(List<DailyReport.CampaignEntry> campaigns, List<DailyReport.ClusterEntry> clusters) {
    }

    private Groups groups(TenantCode tenant, Instant start, Instant end, ExecutorService parallel) throws Exception {
        List<Cluster> found = timed("clusters", () -> clusters.find(tenant, start, end));
        List<Campaign> known = detector.known(tenant);
        // Candidates: big enough for a campaign, or an unmatched group big enough for a new cluster.
        List<Cluster> candidates = found.stream().filter(c -> detector.isCampaign(c) || (c.unmatched()
                && c.contacts() >= campaignProperties.clusterMinContacts()
                && c.residents() >= campaignProperties.clusterMinResidents())).toList();
        // One request tests them all against their own history: a frequent question is no campaign and no new topic.
        Set<Cluster> bursts = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        bursts.addAll(timed("baseline", () -> detector.bursts(tenant, candidates, start, end)));
        List<DailyReport.CampaignEntry> campaigns = new ArrayList<>();
        List<Cluster> newClusters = new ArrayList<>();
        for (Cluster cluster : candidates) {
            Optional<Campaign> knownCampaign = CampaignDetector.continued(cluster, known);
            // A campaign that goes on (detected or confirmed, not closed) stays in the report while it is big enough,
            // even when today is no longer a burst against yesterday, when it had already started.
            boolean ongoing = knownCampaign.map(c -> c.status() != CampaignStatus.AFGESLOTEN).orElse(false);
            if (detector.isCampaign(cluster) && (bursts.contains(cluster) || ongoing)) {
                String slug = knownCampaign.map(Campaign::slug).orElse(cluster.slug());
                campaigns.add(new DailyReport.CampaignEntry(knownCampaign.map(Campaign::id).orElse(null),
                        knownCampaign.map(c -> c.status().code()).orElse("gedetecteerd"), slug,
                        knownCampaign.map(Campaign::title).orElseGet(() -> detector.title(cluster, tenant)),
                        cluster.contacts(), cluster.residents(), cluster.first(), cluster.last(), cluster.perHour(),
                        channelList(cluster.channels()), cluster.template()));
            } else if (cluster.unmatched() && bursts.contains(cluster) && newClusters.size() < MAX_CLUSTERS) {
                newClusters.add(cluster);
            }
        }
        List<Future<List<String>>> labels = newClusters.stream()
                .map(c -> parallel.submit(() -> labels(tenant, c, start))).toList();
        List<DailyReport.ClusterEntry> entries = new ArrayList<>();
        for (int i = 0; i < newClusters.size(); i++) {
            Cluster c = newClusters.get(i);
            entries.add(new DailyReport.ClusterEntry(c.contacts(), c.residents(), get(labels.get(i)), c.template()));
        }
        return new Groups(campaigns, entries);
    }

    private DailyReport assemble(TenantCode tenant, LocalDate date, ZoneId zone, Counts counts, Groups groups,
            List<DailyReport.TermEntry> terms, List<DailyReport.RepeatContact> repeats, boolean textsAvailable) {
        RateBaseline daily = new RateBaseline(properties.priorPerDay(), properties.priorWeeks());
        List<DailyReport.NarrativeCount> narrativeCounts = new ArrayList<>();
        Set<String> slugs = new TreeSet<>(counts.today.keySet());
        for (String slug : slugs) {
            long[] history = new long[counts.weeks.size()];
            for (int w = 0; w < history.length; w++) {
                history[w] = counts.weeks.get(w).getOrDefault(slug, 0L);
            }
            var verdict = daily.test(counts.today.get(slug), history);
            narrativeCounts.add(new DailyReport.NarrativeCount(slug, title(slug, tenant), verdict.count(),
                    round(verdict.expected()), verdict.pValue(),
                    verdict.unusual(properties.alpha(), properties.minUnusual())));
        }
        narrativeCounts.sort(Comparator.comparingLong(DailyReport.NarrativeCount::contacts).reversed());

        RateBaseline hourly = new RateBaseline(properties.priorPerDay() / 10, properties.priorWeeks());
        List<DailyReport.HourCount> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            long[] history = new long[counts.weeks.size()];
            for (int w = 0; w < history.length; w++) {
                history[w] = counts.hourHistory.getOrDefault(w * 24 + h, 0L);
            }
            hours.add(new DailyReport.HourCount(h, counts.hours[h], round(hourly.test(counts.hours[h], history)
                    .expected())));
        }

        List<DailyReport.CampaignEntry> campaigns = groups.campaigns();
        List<DailyReport.ClusterEntry> newClusters = groups.clusters();
        DailyReport.Totals totals = new DailyReport.Totals(counts.total, counts.withText, counts.total - counts.unmatched,
                counts.unmatched);
        List<DailyReport.Recommendation> advice = Recommendations.of(campaigns, narrativeCounts, newClusters, repeats,
                totals);
        return new DailyReport(tenant.value(), date, zone.getId(), clock.instant(), totals, channelList(counts.channels),
                hours, narrativeCounts, campaigns, newClusters, terms, repeats, advice, textsAvailable,
                counts.weeks.size());
    }

    /** Everything countable, from the counts index: one search. */
    private record Counts(long total, long withText, long unmatched, Map<String, Integer> channels,
            Map<String, Long> today, List<Map<String, Long>> weeks, long[] hours, Map<Integer, Long> hourHistory) {
    }

    private Counts counts(TenantCode tenant, Instant start, Instant end, Instant historyStart, LocalDate date,
            ZoneId zone) {
        Query dayQuery = range(start, end);
        try {
            var response = client.search(s -> s.index(indices.signals()).ignoreUnavailable(true).allowNoIndices(true)
                    .size(0)
                    .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("tenant").value(tenant.value())))
                            .filter(range(historyStart, end))))
                    .aggregations("today", a -> a.filter(dayQuery)
                            .aggregations("channels", c -> c.terms(t -> t.field("channel").size(10)))
                            .aggregations("narratives", c -> c.terms(t -> t.field("narratives").size(500)))
                            .aggregations("unmatched", c -> c.missing(m -> m.field("narratives")))
                            .aggregations("withText", c -> c.filter(f -> f.term(t -> t.field("hasText").value(true)))))
                    .aggregations("days", a -> a.dateHistogram(d -> d.field("occurredAt")
                                    .calendarInterval(CalendarInterval.Day).timeZone(zone.getId()).minDocCount(1))
                            .aggregations("narratives", c -> c.terms(t -> t.field("narratives").size(500))))
                    .aggregations("hours", a -> a.dateHistogram(d -> d.field("occurredAt")
                            .calendarInterval(CalendarInterval.Hour).timeZone(zone.getId()).minDocCount(1))), Void.class);
            Aggregate today = response.aggregations().get("today");
            var todayAggs = today.filter().aggregations();
            Map<String, Integer> channels = new LinkedHashMap<>();
            for (StringTermsBucket b : todayAggs.get("channels").sterms().buckets().array()) {
                channels.put(b.key().stringValue(), (int) b.docCount());
            }
            Map<String, Long> todayNarratives = terms(todayAggs.get("narratives"));

            // Past weeks of the same weekday; a week counts as history only if the tenant had contacts that day.
            List<Map<String, Long>> weeks = new ArrayList<>();
            Map<LocalDate, Integer> weekOf = new HashMap<>();
            for (DateHistogramBucket b : response.aggregations().get("days").dateHistogram().buckets().array()) {
                LocalDate day = Instant.ofEpochMilli(b.key()).atZone(zone).toLocalDate();
                long weeksBack = java.time.temporal.ChronoUnit.DAYS.between(day, date);
                if (weeksBack > 0 && weeksBack % 7 == 0) {
                    weekOf.put(day, weeks.size());
                    weeks.add(terms(b.aggregations().get("narratives")));
                }
            }
            long[] hours = new long[24];
            Map<Integer, Long> hourHistory = new HashMap<>();
            for (DateHistogramBucket b : response.aggregations().get("hours").dateHistogram().buckets().array()) {
                ZonedDateTime at = Instant.ofEpochMilli(b.key()).atZone(zone);
                if (at.toLocalDate().equals(date)) {
                    hours[at.getHour()] += b.docCount();
                } else if (weekOf.containsKey(at.toLocalDate())) {
                    hourHistory.merge(weekOf.get(at.toLocalDate()) * 24 + at.getHour(), b.docCount(), Long::sum);
                }
            }
            return new Counts(today.filter().docCount(), todayAggs.get("withText").filter().docCount(),
                    todayAggs.get("unmatched").missing().docCount(), channels, todayNarratives, weeks, hours,
                    hourHistory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<DailyReport.TermEntry> emergingTerms(TenantCode tenant, Instant start, Instant end) {
        Instant backgroundStart = start.minus(java.time.Duration.ofDays(properties.backgroundDays()));
        try {
            var response = client.search(s -> s.index(indices.details()).ignoreUnavailable(true).allowNoIndices(true)
                    .size(0)
                    .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("tenant").value(tenant.value())))
                            .filter(range(start, end)).mustNot(m -> m.exists(e -> e.field("narratives")))))
                    .aggregations("sample", a -> a.sampler(sm -> sm.shardSize(2000))
                            .aggregations("terms", t -> t.significantText(st -> st.field("text")
                                    .filterDuplicateText(true).minDocCount(5L).size(10)
                                    .backgroundFilter(bq -> bq.bool(bb -> bb
                                            .filter(f -> f.term(t2 -> t2.field("tenant").value(tenant.value())))
                                            .filter(range(backgroundStart, end))))))), Void.class);
            var agg = response.aggregations().get("sample");
            if (agg == null) {
                return List.of();
            }
            return agg.sampler().aggregations().get("terms").sigsterms().buckets().array().stream()
                    .filter(b -> !b.key().startsWith("["))
                    .map(b -> new DailyReport.TermEntry(b.key(), b.docCount(), round(b.score()))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The words that set a cluster apart from the tenant's contacts of the past 30 days. */
    private List<String> labels(TenantCode tenant, Cluster cluster, Instant start) {
        Instant backgroundStart = start.minus(java.time.Duration.ofDays(properties.backgroundDays()));
        try {
            var response = client.search(s -> s.index(indices.details()).ignoreUnavailable(true).allowNoIndices(true)
                    .size(0)
                    .query(q -> q.ids(i -> i.values(cluster.memberIds())))
                    .aggregations("terms", t -> t.significantText(st -> st.field("text").filterDuplicateText(true)
                            .minDocCount(2L).size(5)
                            .backgroundFilter(bq -> bq.bool(bb -> bb
                                    .filter(f -> f.term(t2 -> t2.field("tenant").value(tenant.value())))
                                    .filter(range(backgroundStart, start.plus(java.time.Duration.ofDays(1)))))))),
                    Void.class);
            var agg = response.aggregations().get("terms");
            if (agg == null) {
                return List.of();
            }
            return agg.sigsterms().buckets().array().stream().map(b -> b.key()).filter(k -> !k.startsWith("["))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<DailyReport.RepeatContact> repeatContacts(TenantCode tenant, Instant start, Instant end) {
        try {
            var response = client.search(s -> s.index(indices.details()).ignoreUnavailable(true).allowNoIndices(true)
                    .size(0)
                    .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("tenant").value(tenant.value())))
                            .filter(range(start, end))))
                    .aggregations("residents", a -> a.terms(t -> t.field("residentHash")
                                    .minDocCount(campaignProperties.repeatMinContacts()).size(MAX_REPEAT))
                            .aggregations("channels", c -> c.terms(t -> t.field("channel").size(5)))
                            .aggregations("narratives", c -> c.terms(t -> t.field("narratives").size(5)))
                            .aggregations("texts", c -> c.topHits(th -> th.size(10)
                                    .source(src -> src.filter(f -> f.includes("text", "subject")))))), Void.class);
            var agg = response.aggregations().get("residents");
            if (agg == null) {
                return List.of();
            }
            List<DailyReport.RepeatContact> repeats = new ArrayList<>();
            int n = 0;
            for (StringTermsBucket b : agg.sterms().buckets().array()) {
                List<Set<Long>> texts = b.aggregations().get("texts").topHits().hits().hits().stream()
                        .map(h -> h.source().to(SignalDetail.class).fullText()).filter(t -> t != null)
                        .map(TextFingerprint::shingles).toList();
                long similar = texts.stream().skip(1)
                        .filter(t -> TextFingerprint.jaccard(t, texts.getFirst()) >= campaignProperties.similarity())
                        .count();
                repeats.add(new DailyReport.RepeatContact("Inwoner " + label(n++), b.docCount(),
                        List.copyOf(terms(b.aggregations().get("channels")).keySet()),
                        List.copyOf(terms(b.aggregations().get("narratives")).keySet()),
                        texts.size() > 1 && similar * 2 >= texts.size() - 1));
            }
            return repeats;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String label(int n) {
        return n < 26 ? String.valueOf((char) ('A' + n)) : "A" + n;
    }

    private String title(String slug, TenantCode tenant) {
        try {
            return narratives.find(new Slug(slug), tenant).map(r -> r.narrative().title()).orElse(slug);
        } catch (IllegalArgumentException e) {
            return slug;
        }
    }

    private static List<DailyReport.ChannelCount> channelList(Map<String, Integer> channels) {
        return channels.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> new DailyReport.ChannelCount(e.getKey(), e.getValue())).toList();
    }

    private static Map<String, Long> terms(Aggregate aggregate) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (aggregate != null && aggregate.isSterms()) {
            for (StringTermsBucket b : aggregate.sterms().buckets().array()) {
                out.put(b.key().stringValue(), b.docCount());
            }
        }
        return out;
    }

    private static Query range(Instant from, Instant to) {
        return Query.of(q -> q.range(r -> r.date(d -> d.field("occurredAt").gte(from.toString()).lt(to.toString()))));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
