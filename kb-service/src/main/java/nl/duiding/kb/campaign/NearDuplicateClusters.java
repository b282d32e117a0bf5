package nl.duiding.kb.campaign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import nl.duiding.kb.narrative.TenantCode;
import nl.duiding.kb.signal.SignalDetail;
import nl.duiding.kb.signal.SignalIndices;
import nl.duiding.kb.signal.TextFingerprint;
import org.springframework.stereotype.Component;

/**
 * Finds groups of near-identical contacts of one tenant in a window. Elasticsearch does the heavy part: a terms
 * aggregation over the MinHash band keys returns the keys that many contacts share; only those contacts are fetched,
 * and two of them belong together when the Jaccard similarity of their word bigrams reaches
 * {@code duiding.campaigns.similarity} (union-find over the confirmed pairs).
 */
@Component
public class NearDuplicateClusters {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(NearDuplicateClusters.class);

    private static final int PAGE = 5000;
    private static final int SLICES = 2;
    private static final List<String> FIELDS = List.of("text", "subject", "residentHash", "occurredAt", "channel",
            "narratives", "bands");
    private static final int MAX_CORES = 50;
    /** Band keys per cluster used to count its like in the tenant's history ({@link ClusterBaseline}). */
    static final int TOP_BANDS = 8;

    record Member(String id, Set<Long> shingles, List<String> words, String resident, Instant at, String channel,
            List<String> narratives, List<String> bands) {
    }

    private final ElasticsearchClient client;
    private final SignalIndices indices;
    private final CampaignProperties properties;

    NearDuplicateClusters(ElasticsearchClient client, SignalIndices indices,
            CampaignProperties properties) {
        this.client = client;
        this.indices = indices;
        this.properties = properties;
    }

    /** Groups of at least two near-identical contacts, largest first. */
    public List<Cluster> find(TenantCode tenant, Instant from, Instant to) {
        Query window = Query.of(q -> q.bool(b -> b
                .filter(f -> f.term(t -> t.field("tenant").value(tenant.value())))
                .filter(f -> f.range(r -> r.date(d -> d.field("occurredAt").gte(from.toString()).lt(to.toString()))))));
        long t0 = System.nanoTime();
        List<String> heavy = heavyBands(window);
        if (heavy.isEmpty()) {
            return List.of();
        }
        long t1 = System.nanoTime();
        Set<String> heavySet = new HashSet<>(heavy);
        Query candidates = Query.of(q -> q.bool(b -> b.filter(window).filter(f -> f.terms(t -> t.field("bands")
                .terms(v -> v.value(heavy.stream().map(FieldValue::of).toList()))))));
        List<Member> members = fetch(candidates);
        long t2 = System.nanoTime();
        List<Cluster> clusters = cluster(members, heavySet);
        log.debug("Clusters of {}: {} heavy bands in {} ms, {} candidates fetched in {} ms, {} groups in {} ms", tenant,
                heavy.size(), (t1 - t0) / 1_000_000, members.size(), (t2 - t1) / 1_000_000, clusters.size(),
                (System.nanoTime() - t2) / 1_000_000);
        return clusters;
    }

    private List<String> heavyBands(Query window) {
        try {
            var response = client.search(s -> s.index(indices.details()).ignoreUnavailable(true).allowNoIndices(true)
                    .size(0).query(window)
                    .aggregations("bands", a -> a.terms(t -> t.field("bands").minDocCount(properties.bandSeed())
                            .size(properties.maxCandidateBands()))), Void.class);
            var agg = response.aggregations().get("bands");
            if (agg == null) {
                return List.of();
            }
            return agg.sterms().buckets().array().stream().map(StringTermsBucket::key).map(FieldValue::stringValue)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The candidates with the fields clustering needs, read in {@value #SLICES} slices of one point in time at once
     * (at 100,000 contacts a day they are tens of thousands of documents: the largest part of a report).
     */
    private List<Member> fetch(Query candidates) {
        try {
            String pit = client.openPointInTime(p -> p.index(indices.details()).keepAlive(k -> k.time("2m"))).id();
            try (ExecutorService slices = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<List<Member>>> parts = new ArrayList<>();
                for (int slice = 0; slice < SLICES; slice++) {
                    int id = slice;
                    parts.add(slices.submit(() -> fetchSlice(pit, candidates, id)));
                }
                List<Member> members = new ArrayList<>();
                for (Future<List<Member>> part : parts) {
                    members.addAll(part.get());
                }
                return members;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while reading contacts", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } finally {
                client.closePointInTime(c -> c.id(pit));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Member> fetchSlice(String pit, Query candidates, int slice) throws IOException {
        List<Member> members = new ArrayList<>();
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> searchAfter = after;
            SearchResponse<SignalDetail> response = client.search(s -> {
                s.pit(p -> p.id(pit).keepAlive(k -> k.time("2m"))).query(candidates).size(PAGE)
                        .slice(sl -> sl.id(String.valueOf(slice)).max(SLICES)).trackTotalHits(t -> t.enabled(false))
                        .source(src -> src.filter(f -> f.includes(FIELDS)))
                        .sort(o -> o.field(f -> f.field("_shard_doc").order(SortOrder.Asc)));
                if (searchAfter != null) {
                    s.searchAfter(searchAfter);
                }
                return s;
            }, SignalDetail.class);
            List<Hit<SignalDetail>> hits = response.hits().hits();
            if (hits.isEmpty()) {
                return members;
            }
            hits.forEach(hit -> members.add(member(hit.id(), hit.source())));
            after = hits.getLast().sort();
        }
    }

    private static Member member(String id, SignalDetail d) {
        String full = d.fullText();
        return new Member(id, TextFingerprint.shingles(full), TextFingerprint.words(full), d.residentHash(),
                d.occurredAt(), d.channel(), d.narratives(), d.bands());
    }

    List<Cluster> cluster(List<Member> members, Set<String> heavy) {
        int n = members.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        Map<String, List<Integer>> buckets = new HashMap<>();
        for (int i = 0; i < n; i++) {
            for (String band : members.get(i).bands()) {
                if (heavy.contains(band)) {
                    buckets.computeIfAbsent(band, k -> new ArrayList<>()).add(i);
                }
            }
        }
        double threshold = properties.similarity();
        for (List<Integer> bucket : buckets.values()) {
            int leader = bucket.getFirst();
            for (int k = 1; k < bucket.size(); k++) {
                int i = bucket.get(k);
                if (find(parent, i) == find(parent, leader)) {
                    continue;
                }
                // Compare with the bucket's first member and with the previous one: a template's variants chain.
                if (TextFingerprint.jaccard(members.get(i).shingles(), members.get(leader).shingles()) >= threshold
                        || TextFingerprint.jaccard(members.get(i).shingles(),
                                members.get(bucket.get(k - 1)).shingles()) >= threshold) {
                    union(parent, i, leader);
                }
            }
        }
        Map<Integer, List<Member>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(members.get(i));
        }
        List<Cluster> clusters = new ArrayList<>();
        for (List<Member> group : groups.values()) {
            for (List<Member> core : cores(group)) {
                clusters.add(describe(core));
            }
        }
        clusters.sort(Comparator.comparingInt(Cluster::contacts).reversed());
        return clusters;
    }

    /**
     * Union-find chains: A like B like C can join texts that share only boilerplate (a greeting, "op de site kon ik
     * het niet vinden"). A group of near-identical texts has a centre, so each group is cut into cores: the members
     * at least {@code core-similarity} alike to the group's medoid form one core, the rest is cut again (up to
     * {@value #MAX_CORES} times). Only cores of two or more are kept.
     */
    List<List<Member>> cores(List<Member> group) {
        List<List<Member>> cores = new ArrayList<>();
        List<Member> rest = group;
        for (int round = 0; round < MAX_CORES && rest.size() >= 2; round++) {
            Member centre = medoid(rest);
            List<Member> core = new ArrayList<>();
            List<Member> other = new ArrayList<>();
            for (Member m : rest) {
                (TextFingerprint.jaccard(m.shingles(), centre.shingles()) >= properties.coreSimilarity() ? core : other)
                        .add(m);
            }
            if (core.size() >= 2) {
                cores.add(core);
            }
            rest = other;
        }
        return cores;
    }

    private static Cluster describe(List<Member> group) {
        group.sort(Comparator.comparing(Member::at));
        Map<String, Integer> perResident = new HashMap<>();
        int anonymous = 0;
        Map<String, Integer> channels = new LinkedHashMap<>();
        Map<String, Integer> slugs = new HashMap<>();
        int unmatched = 0;
        for (Member m : group) {
            if (m.resident() == null) {
                anonymous++;
            } else {
                perResident.merge(m.resident(), 1, Integer::sum);
            }
            channels.merge(m.channel(), 1, Integer::sum);
            if (m.narratives().isEmpty()) {
                unmatched++;
            }
            m.narratives().forEach(s -> slugs.merge(s, 1, Integer::sum));
        }
        int residents = perResident.size() + anonymous;
        int maxPerResident = perResident.values().stream().max(Integer::compare).orElse(1);
        String slug = slugs.entrySet().stream().max(Map.Entry.comparingByValue())
                .filter(e -> e.getValue() * 3 >= group.size()).map(Map.Entry::getKey).orElse(null);
        Member typical = medoid(group);
        Instant first = group.getFirst().at();
        Instant last = group.getLast().at();
        int hours = (int) Duration.between(first, last).toHours() + 1;
        List<Integer> perHour = new ArrayList<>();
        for (int h = 0; h < hours; h++) {
            perHour.add(0);
        }
        for (Member m : group) {
            int h = (int) Duration.between(first, m.at()).toHours();
            perHour.set(h, perHour.get(h) + 1);
        }
        Map<String, Integer> bandCounts = new HashMap<>();
        group.forEach(m -> m.bands().forEach(b -> bandCounts.merge(b, 1, Integer::sum)));
        List<String> topBands = bandCounts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                .limit(TOP_BANDS).map(Map.Entry::getKey).toList();
        return new Cluster(group.stream().map(Member::id).toList(), group.size(), residents, maxPerResident, first,
                last, template(typical, group), typical.shingles(), slug, unmatched * 2 > group.size(), channels,
                perHour, topBands);
    }

    /** The member most like the others (compared with a sample, so large groups stay cheap). */
    private static Member medoid(List<Member> group) {
        int step = Math.max(1, group.size() / 25);
        Member best = group.getFirst();
        double bestScore = -1;
        for (int i = 0; i < group.size(); i += step) {
            double score = 0;
            for (int j = 0; j < group.size(); j += step) {
                score += TextFingerprint.jaccard(group.get(i).shingles(), group.get(j).shingles());
            }
            if (score > bestScore) {
                bestScore = score;
                best = group.get(i);
            }
        }
        return best;
    }

    /**
     * The typical member's words that at least half of the group also uses; the others (a name, a street, a personal
     * sentence) become "…". So a campaign's sample text shows the template, not a resident.
     */
    static String template(Member typical, List<Member> group) {
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (Member m : group) {
            new HashSet<>(m.words()).forEach(w -> documentFrequency.merge(w, 1, Integer::sum));
        }
        StringBuilder out = new StringBuilder();
        boolean gap = false;
        int words = 0;
        for (String word : typical.words()) {
            if (documentFrequency.getOrDefault(word, 0) * 2 >= group.size()) {
                out.append(out.isEmpty() ? "" : " ").append(word);
                gap = false;
                if (++words >= 120) {
                    out.append(" …");
                    break;
                }
            } else if (!gap) {
                out.append(out.isEmpty() ? "…" : " …");
                gap = true;
            }
        }
        return out.toString();
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        parent[find(parent, a)] = find(parent, b);
    }
}
