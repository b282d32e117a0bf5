package nl.duiding.kb.signal;

import java.util.Set;

import nl.duiding.kb.narrative.TenantCode;

/** New contacts were stored for these tenants: the belactie detector looks at them on its next round. */
public record SignalsAccepted(Set<TenantCode> tenants) {

    public SignalsAccepted {
        tenants = Set.copyOf(tenants);
    }
}
