package nl.duiding.kb.campaign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import nl.duiding.kb.index.IndexNames;
import nl.duiding.kb.index.ManagedIndex;
import nl.duiding.kb.narrative.TenantCode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/** Campaigns in Elasticsearch; the one implementation of {@link ActiveCampaigns}. */
@Component
class CampaignStore implements ActiveCampaigns {

    static final ManagedIndex CAMPAIGNS = ManagedIndex.of("campaigns", 1);
    private static final int MAX = 200;

    private final ElasticsearchClient client;
    private final String index;

    CampaignStore(ElasticsearchClient client, IndexNames names) {
        this.client = client;
        this.index = names.alias(CAMPAIGNS.name());
    }

    void save(Campaign campaign) {
        try {
            client.index(i -> i.index(index).id(campaign.id()).document(campaign).refresh(Refresh.WaitFor));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<Campaign> find(String id) {
        try {
            var response = client.get(g -> g.index(index).id(id), Campaign.class);
            return response.found() ? Optional.of(response.source()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Campaign> list(TenantCode tenant, List<CampaignStatus> statuses) {
        try {
            return client.search(s -> s.index(index).size(MAX)
                            .query(q -> q.bool(b -> b
                                    .filter(f -> f.term(t -> t.field("tenant").value(tenant.value())))
                                    .filter(f -> f.terms(t -> t.field("status").terms(v -> v.value(
                                            statuses.stream().map(st -> FieldValue.of(st.code())).toList()))))))
                            .sort(o -> o.field(f -> f.field("lastContactAt").order(SortOrder.Desc))), Campaign.class)
                    .hits().hits().stream().map(Hit::source).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<ActiveCampaign> of(TenantCode tenant) {
        return list(tenant, List.of(CampaignStatus.GEDETECTEERD, CampaignStatus.BEVESTIGD)).stream()
                .map(ActiveCampaign::of).toList();
    }

    @Configuration(proxyBeanMethods = false)
    static class Indices {

        @Bean
        ManagedIndex campaignsIndex() {
            return CAMPAIGNS;
        }
    }
}
