package nl.duiding.kb.campaign;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A belactie: many residents sending near-identical contacts. Its state changes only through the methods below, which
 * guard the lifecycle gedetecteerd → bevestigd → afgesloten.
 *
 * @param template the words most of its contacts share (no names, no addresses)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Campaign(String id, String tenant, CampaignStatus status, String slug, String title, String template,
        String shortScript, Instant since, Instant lastContactAt, Instant detectedAt, Instant confirmedAt,
        String confirmedBy, Instant closedAt, String closedBy, int contacts, int residents, int peakContacts) {

    /** A campaign that cannot make this step. */
    public static class InvalidTransition extends RuntimeException {

        private final CampaignStatus from;

        InvalidTransition(CampaignStatus from, String action) {
            super("Campaign in status " + from + " cannot be " + action);
            this.from = from;
        }

        public CampaignStatus from() {
            return from;
        }
    }

    static Campaign detected(String id, String tenant, Cluster cluster, String slug, String title, String shortScript,
            Instant now) {
        return new Campaign(id, tenant, CampaignStatus.GEDETECTEERD, slug, title, cluster.template(), shortScript,
                cluster.first(), cluster.last(), now, null, null, null, null, cluster.contacts(), cluster.residents(),
                cluster.contacts());
    }

    /** The latest window's figures; the start stays, the peak only grows. */
    Campaign seen(Cluster cluster) {
        Instant first = since.isBefore(cluster.first()) ? since : cluster.first();
        Instant last = lastContactAt.isAfter(cluster.last()) ? lastContactAt : cluster.last();
        return new Campaign(id, tenant, status, slug, title, template, shortScript, first, last, detectedAt,
                confirmedAt, confirmedBy, closedAt, closedBy, cluster.contacts(), cluster.residents(),
                Math.max(peakContacts, cluster.contacts()));
    }

    /** An analyst confirms it, optionally linking a narrative and a short script for the agents. */
    Campaign confirm(String analyst, String newSlug, String newTitle, String newScript, Instant at) {
        if (status != CampaignStatus.GEDETECTEERD && status != CampaignStatus.BEVESTIGD) {
            throw new InvalidTransition(status, "confirmed");
        }
        return new Campaign(id, tenant, CampaignStatus.BEVESTIGD, newSlug == null ? slug : newSlug,
                newTitle == null ? title : newTitle, template, newScript == null ? shortScript : newScript, since,
                lastContactAt, detectedAt, at, analyst, null, null, contacts, residents, peakContacts);
    }

    Campaign close(String analyst, Instant at) {
        if (status == CampaignStatus.AFGESLOTEN) {
            throw new InvalidTransition(status, "closed");
        }
        return new Campaign(id, tenant, CampaignStatus.AFGESLOTEN, slug, title, template, shortScript, since,
                lastContactAt, detectedAt, confirmedAt, confirmedBy, at, analyst, contacts, residents, peakContacts);
    }
}
