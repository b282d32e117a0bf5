package nl.duiding.kb.signal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.annotation.JsonInclude;
import nl.duiding.kb.matching.ContactChannel;
import nl.duiding.kb.narrative.PublishedNarratives;
import nl.duiding.kb.narrative.Slug;
import nl.duiding.kb.narrative.TenantCode;
import org.springframework.stereotype.Component;

/** A resident's earlier contacts (by keyed hash), newest first, within the text retention period only. */
@Component
class ResidentHistory {

    static final int MAX = 10;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Contact(Instant occurredAt, String channel, List<String> slugs, List<String> titles, String scriptChannel,
            String feedback) {
    }

    record History(List<Contact> contacts) {
    }

    private final ElasticsearchClient client;
    private final SignalIndices indices;
    private final SignalProperties properties;
    private final PublishedNarratives narratives;
    private final Clock clock;

    ResidentHistory(ElasticsearchClient client, SignalIndices indices, SignalProperties properties,
            PublishedNarratives narratives, Clock clock) {
        this.client = client;
        this.indices = indices;
        this.properties = properties;
        this.narratives = narratives;
        this.clock = clock;
    }

    History of(String residentHash, TenantCode tenant) {
        String since = clock.instant().minus(properties.textRetention()).toString();
        try {
            var response = client.search(s -> s.index(indices.details()).ignoreUnavailable(true).allowNoIndices(true)
                    .size(MAX)
                    .query(q -> q.bool(b -> b
                            .filter(f -> f.term(t -> t.field("residentHash").value(residentHash)))
                            .filter(f -> f.term(t -> t.field("tenant").value(tenant.value())))
                            .filter(f -> f.range(r -> r.date(d -> d.field("occurredAt").gte(since))))))
                    .sort(o -> o.field(f -> f.field("occurredAt").order(SortOrder.Desc)))
                    .source(src -> src.filter(f -> f.includes("occurredAt", "channel", "narratives", "feedback"))),
                    SignalDetail.class);
            List<Contact> contacts = new ArrayList<>();
            for (Hit<SignalDetail> hit : response.hits().hits()) {
                SignalDetail d = hit.source();
                List<String> slugs = d.narratives() == null ? List.of() : d.narratives();
                List<String> titles = slugs.stream().map(slug -> narratives.find(new Slug(slug), tenant)
                        .map(r -> r.narrative().title()).orElse(slug)).toList();
                ContactChannel channel = ContactChannel.fromCode(d.channel());
                contacts.add(new Contact(d.occurredAt(), d.channel(), slugs, titles,
                        channel.scriptChannel().code(), d.feedback()));
            }
            return new History(contacts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
