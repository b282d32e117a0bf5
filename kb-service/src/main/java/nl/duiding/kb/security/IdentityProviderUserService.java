package nl.duiding.kb.security;

import nl.duiding.kb.narrative.TenantCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The editor's OpenID Connect login: after Spring Security checked the ID token (signature against the provider's
 * keys, issuer, audience = our client id, expiry, nonce) and read the userinfo, the person gets the Duiding roles and
 * tenant of the same configured claims as a bearer token ({@link IdentityClaims}), from the ID token and userinfo
 * together. Without a usable tenant the login is refused, as for a token.
 */
final class IdentityProviderUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private static final Logger log = LoggerFactory.getLogger(IdentityProviderUserService.class);

    private final OidcUserService delegate = new OidcUserService();
    private final IdentityClaims claims;

    IdentityProviderUserService(IdentityClaims claims) {
        this.claims = claims;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = delegate.loadUser(request);
        IdentityClaims.Identity who;
        try {
            who = claims.read(user.getClaims(), user.getSubject());
        } catch (IdentityClaims.Refused e) {
            // The reason, never the claims: they are personal data.
            log.warn("Editor login through {} refused: {}", request.getClientRegistration().getRegistrationId(),
                    e.getMessage());
            throw new OAuth2AuthenticationException(new OAuth2Error("duiding_identity", e.getMessage(), null));
        }
        return new EditorUser(who, user);
    }

    /** An editor logged in through the identity provider: the OIDC user with Duiding's roles, name and tenant. */
    static final class EditorUser extends DefaultOidcUser implements TenantPrincipal {

        private final String name;
        private final TenantCode tenant;

        EditorUser(IdentityClaims.Identity who, OidcUser user) {
            super(who.authorities(), user.getIdToken(), user.getUserInfo());
            this.name = who.name();
            this.tenant = who.tenant();
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public TenantCode tenant() {
            return tenant;
        }

        @Override
        public boolean equals(Object other) {
            return super.equals(other) && other instanceof EditorUser user && name.equals(user.name)
                    && tenant.equals(user.tenant);
        }

        @Override
        public int hashCode() {
            return 31 * super.hashCode() + name.hashCode();
        }
    }
}
