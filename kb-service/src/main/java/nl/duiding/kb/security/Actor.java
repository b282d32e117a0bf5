package nl.duiding.kb.security;

import java.util.Set;

import nl.duiding.kb.narrative.TenantCode;

/** Who is acting: the name written into revisions, the roles, and the tenant whose data they may see. */
public record Actor(String name, TenantCode tenant, Set<Role> roles) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Editors see working copies; everyone else sees what is published. */
    public boolean isEditor() {
        return has(Role.REDACTEUR) || has(Role.EINDREDACTEUR);
    }
}
