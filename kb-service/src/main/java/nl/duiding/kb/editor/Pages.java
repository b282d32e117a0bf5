package nl.duiding.kb.editor;

import nl.duiding.kb.narrative.NarrativeKey;
import nl.duiding.kb.narrative.NarrativeNotFound;
import nl.duiding.kb.narrative.Slug;
import nl.duiding.kb.narrative.TenantCode;
import nl.duiding.kb.security.Actor;

/** What several pages need to read from an address: a slug, and which organisation's working copy is meant. */
final class Pages {

    private Pages() {
    }

    /** A slug from the address; one that cannot be a slug names no narrative. */
    static Slug slug(String value) {
        try {
            return new Slug(value);
        } catch (IllegalArgumentException e) {
            throw new NarrativeNotFound(null);
        }
    }

    /** Editors read their own organisation's working copies and the national ones; others do not exist for them. */
    static NarrativeKey readableKey(Actor actor, String slug, String tenant) {
        Slug s = slug(slug);
        if (tenant == null || tenant.isBlank()) {
            return new NarrativeKey(actor.tenant(), s);
        }
        TenantCode wanted;
        try {
            wanted = new TenantCode(tenant);
        } catch (IllegalArgumentException e) {
            throw new NarrativeNotFound(s);
        }
        if (!wanted.isNational() && !wanted.equals(actor.tenant())) {
            throw new NarrativeNotFound(s);
        }
        return new NarrativeKey(wanted, s);
    }
}
