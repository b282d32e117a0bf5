package nl.duiding.kb.lease;

import java.time.Clock;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import nl.duiding.kb.index.IndexNames;
import org.springframework.stereotype.Component;

/** Makes a {@link ClusterLease} with a fresh owner: what a second kb-service instance would have (tests, tools). */
@Component
public class ClusterLeases {

    private final ElasticsearchClient client;
    private final IndexNames names;
    private final Clock clock;

    ClusterLeases(ElasticsearchClient client, IndexNames names, Clock clock) {
        this.client = client;
        this.names = names;
        this.clock = clock;
    }

    public ClusterLease newInstance() {
        return new ClusterLease(client, names, clock);
    }
}
