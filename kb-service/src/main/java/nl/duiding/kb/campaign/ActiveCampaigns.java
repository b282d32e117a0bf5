package nl.duiding.kb.campaign;

import java.util.Collection;
import java.util.List;

import nl.duiding.kb.narrative.TenantCode;

/** The belacties agents should know about: detected or confirmed, not closed. */
public interface ActiveCampaigns {

    /** All active campaigns of a municipality, newest first. */
    List<ActiveCampaign> of(TenantCode tenant);

    /** Those linked to one of the narratives the sidebar shows (what {@code /match} returns as {@code belacties}). */
    default List<ActiveCampaign> forNarratives(TenantCode tenant, Collection<String> slugs) {
        if (tenant == null || tenant.isNational() || slugs.isEmpty()) {
            return List.of();
        }
        return of(tenant).stream().filter(c -> c.slug() != null && slugs.contains(c.slug())).toList();
    }
}
