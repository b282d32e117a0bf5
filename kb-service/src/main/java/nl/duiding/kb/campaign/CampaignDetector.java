package nl.duiding.kb.campaign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import nl.duiding.kb.lease.ClusterLease;
import nl.duiding.kb.narrative.PublishedNarratives;
import nl.duiding.kb.narrative.Slug;
import nl.duiding.kb.narrative.TenantCode;
import nl.duiding.kb.signal.SignalIndices;
import nl.duiding.kb.signal.TextFingerprint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The near-real-time belactie detector. Every {@code duiding.campaigns.detect-every} the instance holding the
 * detector lease looks at the tenants that received contacts since the previous round, finds near-identical groups
 * in the last {@code window}, and records each group with enough contacts from enough distinct residents as a
 * campaign (new: gedetecteerd), or updates the campaign it continues.
 */
@Component
public class CampaignDetector {

    private static final Logger log = LoggerFactory.getLogger(CampaignDetector.class);
    static final String LEASE = "campaign-detector";
    /** Share of a known campaign's template bigrams a group must contain to continue it. */
    static final double CONTINUES = 0.5;

    private final ElasticsearchClient client;
    private final SignalIndices indices;
    private final NearDuplicateClusters clusters;
    private final ClusterBaseline baseline;
    private final CampaignStore store;
    private final PublishedNarratives narratives;
    private final ClusterLease lease;
    private final CampaignProperties properties;
    private final Clock clock;
    /** The previous round's time; a restarted or new lease holder looks back over a whole window. */
    private Instant lastRound;

    CampaignDetector(ElasticsearchClient client, SignalIndices indices, NearDuplicateClusters clusters,
            ClusterBaseline baseline, CampaignStore store, PublishedNarratives narratives, ClusterLease lease, CampaignProperties properties,
            Clock clock) {
        this.client = client;
        this.indices = indices;
        this.clusters = clusters;
        this.baseline = baseline;
        this.store = store;
        this.narratives = narratives;
        this.lease = lease;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${duiding.campaigns.initial-delay:20s}",
            fixedDelayString = "${duiding.campaigns.detect-every:30s}")
    void scheduled() {
        try {
            if (lease.hold(LEASE, properties.leaseTtl())) {
                round();
            } else {
                lastRound = null;
            }
        } catch (RuntimeException e) {
            log.warn("Belactie detection round failed; retrying on the next round: {}", e.toString());
        }
    }

    /** One round over every tenant with new contacts. */
    synchronized void round() {
        Instant now = clock.instant();
        Instant since = lastRound == null ? now.minus(properties.window()) : lastRound.minusSeconds(5);
        for (TenantCode tenant : tenantsReceivingSince(since)) {
            detect(tenant, now);
        }
        lastRound = now;
    }

    /** Detects for one tenant over the window ending {@code now}; returns the campaigns created or updated. */
    public synchronized List<Campaign> detect(TenantCode tenant, Instant now) {
        List<Campaign> known = new ArrayList<>(store.list(tenant,
                List.of(CampaignStatus.GEDETECTEERD, CampaignStatus.BEVESTIGD)));
        List<Campaign> touched = new ArrayList<>();
        Instant from = now.minus(properties.window());
        List<Cluster> large = clusters.find(tenant, from, now).stream().filter(this::isCampaign).toList();
        // A group continuing a known campaign stays one; a new one must be a burst against its own baseline.
        List<Cluster> unknown = large.stream().filter(c -> continued(c, known).isEmpty()).toList();
        Set<Cluster> bursts = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        bursts.addAll(bursts(tenant, unknown, from, now));
        for (Cluster cluster : large) {
            Optional<Campaign> existing = continued(cluster, known);
            if (existing.isEmpty() && !bursts.contains(cluster)) {
                continue;
            }
            Campaign campaign;
            if (existing.isPresent()) {
                campaign = existing.get().seen(cluster);
                known.remove(existing.get());
            } else {
                campaign = Campaign.detected(UUID.randomUUID().toString(), tenant.value(), cluster, cluster.slug(),
                        title(cluster, tenant), shortScript(cluster.slug(), tenant), now);
                log.info("Belactie detected for {}: {} contacts from {} residents", tenant, cluster.contacts(),
                        cluster.residents());
            }
            store.save(campaign);
            known.add(campaign);
            touched.add(campaign);
        }
        return touched;
    }

    /** Many contacts from many residents; one resident calling thirty times is a repeat contact, not a campaign. */
    public boolean isCampaign(Cluster cluster) {
        return cluster.contacts() >= properties.minContacts() && cluster.residents() >= properties.minResidents();
    }

    /** Those of {@code candidates} that are unusual against their own history before {@code from}. */
    public List<Cluster> bursts(TenantCode tenant, List<Cluster> candidates, Instant from, Instant to) {
        List<ClusterBaseline.Verdict> verdicts = baseline.test(tenant, candidates, from, to);
        List<Cluster> out = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (verdicts.get(i).burst()) {
                out.add(candidates.get(i));
            }
        }
        return out;
    }

    /** The stored campaign (of any status) that this group belongs to, for the report. */
    public Optional<Campaign> knownFor(TenantCode tenant, Cluster cluster) {
        return continued(cluster, store.list(tenant, List.of(CampaignStatus.values())));
    }

    /** The tenant's stored campaigns of any status, to match several groups against with one request. */
    public List<Campaign> known(TenantCode tenant) {
        return store.list(tenant, List.of(CampaignStatus.values()));
    }

    /** The known campaign whose template this group continues, if any. */
    public static Optional<Campaign> continued(Cluster cluster, List<Campaign> known) {
        Campaign best = null;
        double bestShare = CONTINUES;
        for (Campaign campaign : known) {
            Set<Long> template = TextFingerprint.shingles(campaign.template());
            if (template.isEmpty()) {
                continue;
            }
            long common = template.stream().filter(cluster.shingles()::contains).count();
            double share = (double) common / template.size();
            if (share >= bestShare) {
                bestShare = share;
                best = campaign;
            }
        }
        return Optional.ofNullable(best);
    }

    public String title(Cluster cluster, TenantCode tenant) {
        if (cluster.slug() != null) {
            Optional<String> title = narratives.find(new Slug(cluster.slug()), tenant).map(r -> r.narrative().title());
            if (title.isPresent()) {
                return "Belactie: " + title.get();
            }
        }
        String words = String.join(" ", TextFingerprint.words(cluster.template().replace("…", " ")).stream()
                .limit(8).toList());
        return "Golf van gelijke contacten: \u201c" + words + " \u2026\u201d";
    }

    /** The narrative's standard answer for belacties, else its telephone core message. */
    String shortScript(String slug, TenantCode tenant) {
        if (slug == null) {
            return null;
        }
        return narratives.find(new Slug(slug), tenant).map(r -> {
            var n = r.narrative();
            if (n.playbook() != null && n.playbook().standardAnswer() != null) {
                return n.playbook().standardAnswer();
            }
            return n.scripts() == null || n.scripts().telefoon() == null ? null : n.scripts().telefoon().coreMessage();
        }).orElse(null);
    }

    private List<TenantCode> tenantsReceivingSince(Instant since) {
        try {
            var response = client.search(s -> s.index(indices.signals()).ignoreUnavailable(true).allowNoIndices(true)
                    .size(0).query(q -> q.range(r -> r.date(d -> d.field("receivedAt").gte(since.toString()))))
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
