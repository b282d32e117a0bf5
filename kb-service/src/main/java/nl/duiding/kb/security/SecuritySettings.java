package nl.duiding.kb.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How people and services log in. The issuer, JWKS address and audience of the identity provider are Spring Boot's
 * own {@code spring.security.oauth2.resourceserver.jwt.*} settings; what Duiding reads from the token is here.
 *
 * @param localUsersFile the users of the {@code local} profile (see {@link LocalUsersFile} for the format); without
 *                       it no one can log in with a password. The {@code prod} profile refuses to start with it.
 * @param frameAncestors who may show the editor's pages in an iframe: the CSP {@code frame-ancestors} sources, e.g.
 *                       {@code 'self' https://intranet.gemeente.nl}. A portal on another site also needs
 *                       {@code server.servlet.session.cookie.same-site=none} (and HTTPS) for the login to stick.
 * @param jwt            which claims of the identity provider's tokens carry the name, roles and tenant
 * @param apiKeys        the keys kcc-connector may use instead of a client-credentials token
 */
@ConfigurationProperties("duiding.security")
public record SecuritySettings(Path localUsersFile, @DefaultValue("'self'") String frameAncestors,
        @DefaultValue JwtClaims jwt, @DefaultValue ApiKeySettings apiKeys) {

    /**
     * @param nameClaim    the user's name as written into revisions and the audit log; falls back to {@code sub}
     * @param rolesClaim   where the roles are: a claim name ({@code roles}, {@code groups}) or a dotted path into
     *                     nested claims ({@code realm_access.roles}, {@code resource_access.duiding.roles}); a claim
     *                     whose own name contains dots (ADFS) is found by its full name first
     * @param roleMapping  the identity provider's value → a Duiding role code, for values that are not the codes
     *                     themselves (Entra ID group ids, Keycloak group paths); unmapped values that equal a role
     *                     code (kcc-medewerker, redacteur, eindredacteur, analist, beheerder, connector) count as is
     * @param tenantClaim  the claim with the gemeentecode (GM0363) or {@code nationaal}, same path rules as roles
     * @param defaultTenant for an identity provider of one municipality whose tokens carry no tenant claim; without
     *                     it a token without tenant is refused, except a pure {@code connector} token, which acts on
     *                     behalf of the tenant named in each request
     */
    public record JwtClaims(@DefaultValue("preferred_username") String nameClaim,
            @DefaultValue("roles") String rolesClaim, Map<String, String> roleMapping,
            @DefaultValue("gemeentecode") String tenantClaim, String defaultTenant) {

        public JwtClaims {
            roleMapping = roleMapping == null ? Map.of() : Map.copyOf(roleMapping);
        }
    }

    /**
     * API keys for the connector; several can be valid at once, so a key rotates without downtime: add the new one,
     * switch the connector, remove the old one.
     *
     * @param file           lines {@code label=key} ({@code #} comments); re-read when it changes, so keys rotate
     *                       without a restart (mount it from a secret)
     * @param keys           label → key, e.g. from the environment:
     *                       {@code DUIDING_SECURITY_APIKEYS_KEYS_CONNECTOR2026=...}
     * @param reloadInterval how often the file's modification time is checked
     */
    public record ApiKeySettings(Path file, Map<String, String> keys, @DefaultValue("10s") Duration reloadInterval) {

        public ApiKeySettings {
            keys = keys == null ? Map.of() : Map.copyOf(keys);
        }
    }
}
