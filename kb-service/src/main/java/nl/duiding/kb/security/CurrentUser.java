package nl.duiding.kb.security;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import nl.duiding.kb.narrative.TenantCode;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one place that turns the authenticated principal into an {@link Actor}, whichever way they logged in (local
 * user, identity-provider token, API key). Roles come from granted authorities and the tenant from whatever knows it
 * ({@link TenantPrincipal}).
 */
@Component
public class CurrentUser {

    public Actor get() {
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("No authenticated user"));
    }

    /** The actor, when someone is logged in on this thread; empty for anonymous requests and start-up work. */
    public Optional<Actor> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        return Optional.of(of(authentication));
    }

    /** The actor of a given authentication, e.g. one carried by a security event. */
    public static Actor of(Authentication authentication) {
        Set<Role> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(Role::fromAuthority).flatMap(Optional::stream).collect(Collectors.toSet());
        TenantCode tenant;
        if (authentication instanceof TenantPrincipal holder) {
            tenant = holder.tenant();
        } else if (authentication.getPrincipal() instanceof TenantPrincipal principal) {
            tenant = principal.tenant();
        } else {
            // A principal without a tenant sees national content only: the safe default for isolation.
            tenant = TenantCode.NATIONAL;
        }
        return new Actor(authentication.getName(), tenant, roles);
    }
}
