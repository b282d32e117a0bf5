package nl.duiding.kb.security;

import java.util.Set;
import java.util.stream.Collectors;

import nl.duiding.kb.narrative.TenantCode;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one place that turns the authenticated principal into an {@link Actor}. Roles come from granted authorities
 * and the tenant from the principal; when JWT login arrives, only this class learns to read the tenant claim.
 */
@Component
public class CurrentUser {

    public Actor get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new AuthenticationCredentialsNotFoundException("No authenticated user");
        }
        Set<Role> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(Role::fromAuthority).flatMap(java.util.Optional::stream).collect(Collectors.toSet());
        TenantCode tenant = authentication.getPrincipal() instanceof TenantPrincipal principal
                ? principal.tenant()
                // A principal without a tenant sees national content only: the safe default for isolation.
                : TenantCode.NATIONAL;
        return new Actor(authentication.getName(), tenant, roles);
    }
}
