package nl.duiding.kb.lease;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.GetResponse;
import nl.duiding.kb.index.IndexNames;
import nl.duiding.kb.index.ManagedIndex;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Coordination between kb-service instances through one Elasticsearch document per lease, so there is no second
 * database. A document is only ever created with {@code op_type=create} or changed with
 * {@code if_seq_no/if_primary_term}: of two instances racing, exactly one wins.
 *
 * <ul>
 * <li>{@link #hold} — a renewable lease for recurring work (the belactie detector): whoever holds it runs, the
 * others skip, and when the holder dies the lease expires after its time to live.</li>
 * <li>{@link #once} — a job that must run exactly once (the daily report of a date): it is claimed, run and marked
 * done; a claim whose holder died before finishing can be taken over after its time to live.</li>
 * </ul>
 */
@Component
public class ClusterLease {

    static final ManagedIndex LEASES = ManagedIndex.of("leases", 1);

    record LeaseDocument(String owner, String state, Instant until, Instant updatedAt) {
    }

    private final ElasticsearchClient client;
    private final String index;
    private final Clock clock;
    /** This instance. */
    private final String owner = UUID.randomUUID().toString();

    ClusterLease(ElasticsearchClient client, IndexNames names, Clock clock) {
        this.client = client;
        this.index = names.alias(LEASES.name());
        this.clock = clock;
    }

    public String owner() {
        return owner;
    }

    /** Takes or renews the lease {@code name} for {@code ttl}; true when this instance holds it now. */
    public boolean hold(String name, Duration ttl) {
        Instant now = clock.instant();
        LeaseDocument mine = new LeaseDocument(owner, "held", now.plus(ttl), now);
        return claim(name, mine, current -> owner.equals(current.owner()) || current.until().isBefore(now));
    }

    /**
     * Runs {@code job} unless another instance ran it or runs it now under the same name.
     *
     * @return true when this call ran the job
     */
    public boolean once(String name, Duration ttl, Runnable job) {
        Instant now = clock.instant();
        LeaseDocument running = new LeaseDocument(owner, "running", now.plus(ttl), now);
        boolean claimed = claim(name, running,
                current -> "running".equals(current.state()) && current.until().isBefore(now));
        if (!claimed) {
            return false;
        }
        job.run();
        try {
            client.index(i -> i.index(index).id(name).refresh(Refresh.True)
                    .document(new LeaseDocument(owner, "done", clock.instant(), clock.instant())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    private boolean claim(String name, LeaseDocument wanted, java.util.function.Predicate<LeaseDocument> mayTake) {
        try {
            GetResponse<LeaseDocument> current = client.get(g -> g.index(index).id(name), LeaseDocument.class);
            if (!current.found()) {
                client.create(c -> c.index(index).id(name).document(wanted).refresh(Refresh.True));
                return true;
            }
            if (!mayTake.test(current.source())) {
                return false;
            }
            client.index(i -> i.index(index).id(name).document(wanted).ifSeqNo(current.seqNo())
                    .ifPrimaryTerm(current.primaryTerm()).refresh(Refresh.True));
            return true;
        } catch (ElasticsearchException e) {
            if (e.status() == 409) {
                return false; // another instance was first
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Indices {

        @Bean
        ManagedIndex leasesIndex() {
            return LEASES;
        }
    }
}
