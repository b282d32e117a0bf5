package nl.duiding.kb.security;

import java.util.Set;

import nl.duiding.kb.narrative.TenantCode;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A user from the local users file: a Spring Security user with a tenant. */
class LocalUser extends User implements TenantPrincipal {

    private final TenantCode tenant;

    LocalUser(String username, String password, Set<Role> roles, TenantCode tenant) {
        super(username, password, roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
        this.tenant = tenant;
    }

    @Override
    public TenantCode tenant() {
        return tenant;
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
