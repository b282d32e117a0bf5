package nl.duiding.kb.security;

import java.util.List;

import nl.duiding.kb.narrative.TenantCode;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * kcc-connector with an API key in the {@value #HEADER} header: the service role {@code connector}, national, acting
 * for the tenant named in each request. The key itself is dropped once checked ({@link #eraseCredentials()}).
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken implements TenantPrincipal {

    static final String HEADER = "X-Api-Key";

    private final String name;
    private String key;

    private ApiKeyAuthentication(String name, String key, boolean authenticated) {
        super(authenticated ? List.of(new SimpleGrantedAuthority(Role.CONNECTOR.authority())) : List.of());
        this.name = name;
        this.key = key;
        setAuthenticated(authenticated);
    }

    static ApiKeyAuthentication presented(String key) {
        return new ApiKeyAuthentication("api-key", key, false);
    }

    @Override
    public Object getCredentials() {
        return key;
    }

    @Override
    public Object getPrincipal() {
        return name;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public TenantCode tenant() {
        return TenantCode.NATIONAL;
    }

    @Override
    public void eraseCredentials() {
        key = null;
        super.eraseCredentials();
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

    /** Checks a presented key against {@link ApiKeys}; the user's name becomes {@code api-key:<label>}. */
    record Provider(ApiKeys keys) implements AuthenticationProvider {

        @Override
        public Authentication authenticate(Authentication authentication) {
            String presented = (String) authentication.getCredentials();
            return keys.verify(presented == null ? "" : presented)
                    .map(label -> (Authentication) new ApiKeyAuthentication("api-key:" + label, null, true))
                    .orElseThrow(() -> new BadCredentialsException("Unknown API key"));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return ApiKeyAuthentication.class.isAssignableFrom(authentication);
        }
    }
}
