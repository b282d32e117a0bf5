package nl.duiding.kb.security;

import nl.duiding.kb.narrative.TenantCode;

/** A principal that knows its tenant: local users do; a JWT principal will carry it as a claim. */
public interface TenantPrincipal {

    TenantCode tenant();
}
