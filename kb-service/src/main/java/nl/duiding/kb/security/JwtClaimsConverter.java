package nl.duiding.kb.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * A validated bearer token of the municipality's identity provider as a Duiding login: roles and tenant by the
 * configured claims ({@link IdentityClaims}); a token that names nobody or no organisation is refused (401).
 */
final class JwtClaimsConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final IdentityClaims claims;

    JwtClaimsConverter(IdentityClaims claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        IdentityClaims.Identity who;
        try {
            who = claims.read(jwt.getClaims(), jwt.getSubject());
        } catch (IdentityClaims.Refused e) {
            throw new InvalidBearerTokenException(e.getMessage());
        }
        return new IdentityProviderToken(jwt, who.authorities(), who.name(), who.tenant());
    }
}
