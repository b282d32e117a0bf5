package nl.duiding.kb.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.duiding.kb.narrative.TenantCode;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Reads who someone is from the claims of the municipality's identity provider (Keycloak, Entra ID, ADFS), by the
 * claims configured in {@link SecuritySettings.JwtClaims}: the same rules for the API's bearer tokens
 * ({@link JwtClaimsConverter}) and the editor's OpenID Connect login ({@link IdentityProviderUserService}), so a
 * person has the same roles and tenant whichever way they come in. Values that are no Duiding role are ignored: an
 * employee without a Duiding role gets a login that may do nothing.
 */
final class IdentityClaims {

    private final SecuritySettings.JwtClaims claims;
    private final TenantCode defaultTenant;

    IdentityClaims(SecuritySettings.JwtClaims claims) {
        this.claims = claims;
        this.defaultTenant = claims.defaultTenant() == null || claims.defaultTenant().isBlank() ? null
                : new TenantCode(claims.defaultTenant().strip());
        claims.roleMapping().forEach((value, code) -> Role.fromCode(code).orElseThrow(() -> new IllegalStateException(
                "duiding.security.jwt.role-mapping maps '" + value + "' to '" + code + "', which is no role; "
                        + "use kcc-medewerker, redacteur, eindredacteur, analist, beheerder or connector")));
    }

    /** Who the claims describe; {@code subject} is the fallback name ({@code sub}). */
    Identity read(Map<String, Object> all, String subject) {
        Set<Role> roles = roles(all);
        TenantCode tenant = tenant(all, roles);
        String name = text(claim(all, claims.nameClaim()));
        if (name == null || name.isBlank()) {
            name = subject;
        }
        if (name == null || name.isBlank()) {
            throw new Refused("The token names nobody (no " + claims.nameClaim() + " or sub)");
        }
        return new Identity(name, roles, tenant);
    }

    /** Name, Duiding roles and tenant of a person or service. */
    record Identity(String name, Set<Role> roles, TenantCode tenant) {

        Identity {
            roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        }

        List<GrantedAuthority> authorities() {
            return roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).toList();
        }
    }

    /** The claims do not say who someone is or for which organisation; the message is for the log, never shown. */
    static final class Refused extends RuntimeException {

        Refused(String message) {
            super(message);
        }
    }

    private Set<Role> roles(Map<String, Object> all) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : values(claim(all, claims.rolesClaim()))) {
            String code = claims.roleMapping().getOrDefault(value, value);
            Role.fromCode(code).ifPresent(roles::add);
        }
        return roles;
    }

    private TenantCode tenant(Map<String, Object> all, Set<Role> roles) {
        String value = text(claim(all, claims.tenantClaim()));
        if (value != null && !value.isBlank()) {
            try {
                return new TenantCode(value.strip());
            } catch (IllegalArgumentException e) {
                throw new Refused("The tenant claim is no gemeentecode");
            }
        }
        if (defaultTenant != null) {
            return defaultTenant;
        }
        if (roles.equals(EnumSet.of(Role.CONNECTOR))) {
            // A service client acts on behalf of the tenant named in each request (docs/api-connector-contract.md).
            return TenantCode.NATIONAL;
        }
        // Guessing a tenant would show one municipality's narratives to another: refuse instead.
        throw new Refused("No tenant claim '" + claims.tenantClaim() + "'");
    }

    /** A claim by its full name, else by walking a dotted path through nested objects. */
    static Object claim(Map<String, Object> all, String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        if (all.containsKey(path)) {
            return all.get(path);
        }
        Object current = all;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    private static List<String> values(Object claim) {
        if (claim instanceof Collection<?> collection) {
            return collection.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return claim instanceof String single ? List.of(single) : List.of();
    }

    private static String text(Object claim) {
        if (claim instanceof Collection<?> collection && collection.size() == 1) {
            return text(collection.iterator().next());
        }
        return claim instanceof String s ? s : null;
    }
}
