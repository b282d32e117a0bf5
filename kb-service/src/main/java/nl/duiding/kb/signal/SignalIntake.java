package nl.duiding.kb.signal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import nl.duiding.kb.narrative.NarrativeRecord;
import nl.duiding.kb.narrative.PublishedNarratives;
import nl.duiding.kb.narrative.TenantCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/** Validates a batch item by item, stores the good ones and answers per item, in order. */
@Service
class SignalIntake {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ItemResult(int index, String externalId, String status, ItemProblem problem) {
    }

    record BatchResult(int accepted, int duplicates, int rejected, List<ItemResult> results) {
    }

    private final SignalParser parser;
    private final SignalStore store;
    private final PublishedNarratives narratives;
    private final ApplicationEventPublisher events;

    SignalIntake(SignalParser parser, SignalStore store, PublishedNarratives narratives,
            ApplicationEventPublisher events) {
        this.parser = parser;
        this.store = store;
        this.narratives = narratives;
        this.events = events;
    }

    BatchResult accept(List<JsonNode> items) {
        Map<TenantCode, Set<String>> slugsByTenant = new HashMap<>();
        List<SignalParser.Parsed> parsed = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            parsed.add(parser.parse(item, tenant -> slugsByTenant.computeIfAbsent(tenant, this::slugs)));
        }
        // A batch may hold the same contact twice: the second is a duplicate without asking Elasticsearch.
        Set<String> seen = new HashSet<>();
        List<Signal> toStore = new ArrayList<>();
        List<Integer> storedAt = new ArrayList<>();
        ItemResult[] results = new ItemResult[items.size()];
        for (int i = 0; i < parsed.size(); i++) {
            SignalParser.Parsed p = parsed.get(i);
            if (p.problem() != null) {
                results[i] = new ItemResult(i, p.externalId(), "rejected", p.problem());
            } else if (!seen.add(p.signal().id())) {
                results[i] = new ItemResult(i, p.externalId(), "duplicate", null);
            } else {
                toStore.add(p.signal());
                storedAt.add(i);
            }
        }
        List<SignalStore.Outcome> outcomes = store.write(toStore);
        Set<TenantCode> tenants = new HashSet<>();
        for (int j = 0; j < outcomes.size(); j++) {
            int i = storedAt.get(j);
            Signal signal = toStore.get(j);
            results[i] = switch (outcomes.get(j)) {
                case ACCEPTED -> {
                    tenants.add(signal.tenant());
                    yield new ItemResult(i, signal.externalId(), "accepted", null);
                }
                case DUPLICATE -> new ItemResult(i, signal.externalId(), "duplicate", null);
                case FAILED -> new ItemResult(i, signal.externalId(), "rejected", ItemProblem.of(
                        "opslag-mislukt", "Niet opgeslagen",
                        "Dit signaal kon nu niet worden opgeslagen; stuur het later opnieuw.", null));
            };
        }
        if (!tenants.isEmpty()) {
            events.publishEvent(new SignalsAccepted(tenants));
        }
        List<ItemResult> all = List.of(results);
        return new BatchResult(count(all, "accepted"), count(all, "duplicate"), count(all, "rejected"), all);
    }

    private Set<String> slugs(TenantCode tenant) {
        return narratives.visibleTo(tenant).stream().map(NarrativeRecord::narrative)
                .map(n -> n.slug().value()).collect(Collectors.toSet());
    }

    private static int count(List<ItemResult> results, String status) {
        return (int) results.stream().filter(r -> r.status().equals(status)).count();
    }
}
