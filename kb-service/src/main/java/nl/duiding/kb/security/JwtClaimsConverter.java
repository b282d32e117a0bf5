package nl.duiding.kb.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nl.duiding.kb.narrative.TenantCode;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Reads a validated token of the municipality's identity provider (Keycloak, Entra ID, ADFS) into Duiding's roles
 * and tenant, by the claims configured in {@link SecuritySettings.JwtClaims}. Values that are no Duiding role are
 * ignored, so a token of an employee without a Duiding role authenticates but may do nothing.
 */
final class JwtClaimsConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SecuritySettings.JwtClaims claims;
    private final TenantCode defaultTenant;

    JwtClaimsConverter(SecuritySettings.JwtClaims claims) {
        this.claims = claims;
        this.defaultTenant = claims.defaultTenant() == null || claims.defaultTenant().isBlank() ? null
                : new TenantCode(claims.defaultTenant().strip());
        claims.roleMapping().forEach((value, code) -> Role.fromCode(code).orElseThrow(() -> new IllegalStateException(
                "duiding.security.jwt.role-mapping maps '" + value + "' to '" + code + "', which is no role; "
                        + "use kcc-medewerker, redacteur, eindredacteur, analist, beheerder or connector")));
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Set<Role> roles = roles(jwt);
        TenantCode tenant = tenant(jwt, roles);
        String name = Optional.ofNullable(text(claim(jwt.getClaims(), claims.nameClaim())))
                .orElse(jwt.getSubject());
        if (name == null || name.isBlank()) {
            throw new InvalidBearerTokenException("The token names nobody (no " + claims.nameClaim() + " or sub)");
        }
        return new IdentityProviderToken(jwt, roles.stream().map(r -> new SimpleGrantedAuthority(r.authority()))
                .toList(), name, tenant);
    }

    private Set<Role> roles(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : values(claim(jwt.getClaims(), claims.rolesClaim()))) {
            String code = claims.roleMapping().getOrDefault(value, value);
            Role.fromCode(code).ifPresent(roles::add);
        }
        return roles;
    }

    private TenantCode tenant(Jwt jwt, Set<Role> roles) {
        String value = text(claim(jwt.getClaims(), claims.tenantClaim()));
        if (value != null && !value.isBlank()) {
            try {
                return new TenantCode(value.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidBearerTokenException("The token's tenant claim is no gemeentecode");
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
        throw new InvalidBearerTokenException("The token has no tenant claim '" + claims.tenantClaim() + "'");
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
