package nl.duiding.kb.narrative;

import java.util.Objects;

/** Identifies one narrative: a tenant can have its own version of a slug beside the national one. */
public record NarrativeKey(TenantCode tenant, Slug slug) {

    public NarrativeKey {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(slug, "slug");
    }

    public static NarrativeKey of(Narrative narrative) {
        return new NarrativeKey(narrative.tenant(), narrative.slug());
    }

    /** The document id in the working-copy and published indices. */
    String documentId() {
        return tenant.value() + ":" + slug.value();
    }

    String revisionId(int version) {
        return documentId() + ":" + version;
    }
}
