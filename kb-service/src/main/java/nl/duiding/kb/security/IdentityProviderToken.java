package nl.duiding.kb.security;

import java.util.Collection;

import nl.duiding.kb.narrative.TenantCode;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A login through the municipality's identity provider: the validated JWT, its Duiding roles and its tenant. */
final class IdentityProviderToken extends JwtAuthenticationToken implements TenantPrincipal {

    private final TenantCode tenant;

    IdentityProviderToken(Jwt jwt, Collection<? extends GrantedAuthority> authorities, String name,
            TenantCode tenant) {
        super(jwt, authorities, name);
        this.tenant = tenant;
    }

    @Override
    public TenantCode tenant() {
        return tenant;
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other) && other instanceof IdentityProviderToken token && tenant.equals(token.tenant);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + tenant.hashCode();
    }
}
