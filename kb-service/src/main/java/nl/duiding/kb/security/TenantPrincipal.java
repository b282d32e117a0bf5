package nl.duiding.kb.security;

import nl.duiding.kb.narrative.TenantCode;

/**
 * Knows its tenant: a local user, a login from the identity provider (the tenant claim) and an API key (national, it
 * acts for the tenant named in each request). {@link CurrentUser} asks the authentication and its principal.
 */
public interface TenantPrincipal {

    TenantCode tenant();
}
