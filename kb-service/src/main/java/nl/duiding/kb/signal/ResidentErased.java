package nl.duiding.kb.signal;

import nl.duiding.kb.narrative.TenantCode;

/** One resident's contact texts were erased on request (the audit log records the count, never the hash). */
public record ResidentErased(TenantCode tenant, int signals) {
}
