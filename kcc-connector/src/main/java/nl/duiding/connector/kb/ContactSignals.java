package nl.duiding.connector.kb;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Sends contact signals to kb-service ({@code POST /api/v1/signals}) in bulks of at most 1,000, retried with backoff
 * (safe: kb-service deduplicates by source + externalId). Answers one result per signal, in order.
 */
@Component
public class ContactSignals {

    static final int MAX_BATCH = 1000;

    private final KbClients.SignalsClient client;

    ContactSignals(KbClients.SignalsClient client) {
        this.client = client;
    }

    /**
     * @throws KbUnavailable when kb-service cannot take them now (nothing may be taken as acknowledged)
     * @throws KbRejected    when kb-service refuses the request as a whole
     */
    public List<KbApi.SignalResult> send(List<KbApi.Signal> signals) {
        List<KbApi.SignalResult> results = new ArrayList<>(signals.size());
        for (int from = 0; from < signals.size(); from += MAX_BATCH) {
            List<KbApi.Signal> chunk = signals.subList(from, Math.min(signals.size(), from + MAX_BATCH));
            KbApi.SignalBatchResult answer;
            try {
                answer = client.send(new KbApi.SignalBatch(List.copyOf(chunk)));
            } catch (RuntimeException e) {
                throw KbFailures.classify(e);
            }
            if (answer == null || answer.results().size() != chunk.size()) {
                throw new KbUnavailable("kb-service answered " + (answer == null ? "nothing" : answer.results().size()
                        + " results") + " for " + chunk.size() + " signals", 200, null);
            }
            for (KbApi.SignalResult r : answer.results()) {
                results.add(new KbApi.SignalResult(from + r.index(), r.externalId(), r.status(), r.problem()));
            }
        }
        return results;
    }
}
