package nl.duiding.kb.campaign;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What the sidebar shows of a running belactie (the contract's {@code campaigns[]} and {@code belacties[]}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActiveCampaign(String id, String status, String slug, String title, Instant since, int contacts,
        int residents, String shortScript) {

    static ActiveCampaign of(Campaign c) {
        return new ActiveCampaign(c.id(), c.status().code(), c.slug(), c.title(), c.since(), c.contacts(),
                c.residents(), c.shortScript());
    }
}
