package nl.duiding.kb.security;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import nl.duiding.kb.narrative.TenantCode;
import nl.duiding.kb.web.InvalidParameter;
import nl.duiding.kb.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

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

    /**
     * The tenant whose narratives a read is about ({@code /match}, {@code /suggest}, a narrative by slug): the
     * user's own when the request names none. A national account — kcc-connector, which acts for the municipality
     * of each contact, and national staff — may name any municipality; a municipality's user only its own, so
     * naming another is refused (403 {@code andere-organisatie}) rather than silently ignored.
     *
     * @param requested the tenant the request names, or null
     */
    public TenantCode actingFor(TenantCode requested) {
        Actor actor = get();
        if (requested == null || requested.equals(actor.tenant())) {
            return actor.tenant();
        }
        if (!actor.tenant().isNational()) {
            throw problem(HttpStatus.FORBIDDEN, "andere-organisatie", "Geen toegang tot deze organisatie",
                    "U kunt alleen verhalen van uw eigen organisatie (" + actor.tenant() + ") opvragen.");
        }
        return requested;
    }

    /** {@link #actingFor(TenantCode)} for a {@code tenant} query parameter; a value that is no tenant is a 400. */
    public TenantCode actingFor(String tenantParameter) {
        if (tenantParameter == null || tenantParameter.isBlank()) {
            return actingFor((TenantCode) null);
        }
        TenantCode requested;
        try {
            requested = new TenantCode(tenantParameter.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter("tenant", "'" + tenantParameter + "' is geen organisatie: gebruik nationaal of "
                    + "GM gevolgd door vier cijfers.");
        }
        return actingFor(requested);
    }

    /**
     * The municipality whose contacts, belacties or reports a request is about: a municipality's user gets its own
     * (naming another is a 403 {@code andere-organisatie}); a national account — kcc-connector, national analysts —
     * must name one, since national has no contacts of its own (400).
     *
     * @param tenantParameter the {@code tenant} query parameter, or null
     */
    public TenantCode municipality(String tenantParameter) {
        Actor actor = get();
        if (tenantParameter == null || tenantParameter.isBlank()) {
            if (actor.tenant().isNational()) {
                throw problem(HttpStatus.BAD_REQUEST, "ongeldige-parameter", "Gemeente ontbreekt",
                        "Geef de gemeentecode mee (tenant), zoals GM0363.");
            }
            return actor.tenant();
        }
        TenantCode requested;
        try {
            requested = new TenantCode(tenantParameter.strip());
        } catch (IllegalArgumentException e) {
            throw notAMunicipality();
        }
        if (requested.isNational()) {
            throw notAMunicipality();
        }
        if (!actor.tenant().isNational() && !actor.tenant().equals(requested)) {
            throw problem(HttpStatus.FORBIDDEN, "andere-organisatie", "Geen toegang tot deze organisatie",
                    "U kunt alleen gegevens van uw eigen organisatie (" + actor.tenant() + ") opvragen.");
        }
        return requested;
    }

    private static ErrorResponseException notAMunicipality() {
        return problem(HttpStatus.BAD_REQUEST, "onbekende-organisatie", "Onbekende gemeente",
                "Tenant moet een gemeentecode zijn, zoals GM0363.");
    }

    private static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
        return new ErrorResponseException(status, Problems.of(status, type, title, detail), null);
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
