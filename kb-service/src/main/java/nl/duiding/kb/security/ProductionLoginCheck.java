package nl.duiding.kb.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * In the {@code prod} profile people log in through the municipality's identity provider only. kb-service refuses to
 * start when local credentials are configured or the identity provider is not, or when an editor login is not
 * OpenID Connect: before any bean is made, so nothing touches Elasticsearch or opens a port with the wrong login. {@link InsecureLoginSetup.Analyzer} prints why.
 */
@Configuration(proxyBeanMethods = false)
@Profile("prod")
class ProductionLoginCheck {

    static final String JWT = "spring.security.oauth2.resourceserver.jwt";
    static final String CLIENT = "spring.security.oauth2.client";
    private static final Logger log = LoggerFactory.getLogger(ProductionLoginCheck.class);

    @Bean
    static BeanFactoryPostProcessor refuseLocalCredentialsInProduction(Environment environment) {
        return beanFactory -> check(environment);
    }

    static void check(Environment environment) {
        Binder binder = Binder.get(environment);
        List<String> problems = new ArrayList<>();
        if (binder.bind("duiding.security.local-users-file", String.class).isBound()) {
            problems.add("a local users file is configured (duiding.security.local-users-file / "
                    + "DUIDING_LOCAL_USERS_FILE); local passwords are for the 'local' profile only: remove it");
        }
        if (binder.bind(JWT + ".issuer-uri", String.class).map(String::isBlank).orElse(true)) {
            problems.add("no identity provider is configured: set " + JWT + ".issuer-uri "
                    + "(SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI), and " + JWT + ".jwk-set-uri when "
                    + "the provider has no OpenID discovery document");
        }
        if (binder.bind(JWT + ".audiences", Bindable.listOf(String.class)).map(List::isEmpty).orElse(true)) {
            problems.add("no audience is configured: set " + JWT + ".audiences "
                    + "(SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES) to the client id the identity provider "
                    + "puts in 'aud' for kb-service, so tokens meant for other applications are refused");
        }
        Map<String, OAuth2ClientProperties.Registration> registrations = binder.bind(CLIENT + ".registration",
                Bindable.mapOf(String.class, OAuth2ClientProperties.Registration.class)).orElse(Map.of());
        Map<String, OAuth2ClientProperties.Provider> providers = binder.bind(CLIENT + ".provider",
                Bindable.mapOf(String.class, OAuth2ClientProperties.Provider.class)).orElse(Map.of());
        registrations.forEach((id, registration) -> {
            boolean login = registration.getAuthorizationGrantType() == null
                    || "authorization_code".equals(registration.getAuthorizationGrantType());
            if (!login) {
                return;
            }
            if (registration.getScope() == null || !registration.getScope().contains("openid")) {
                problems.add("the editor login '" + id + "' does not ask for the scope 'openid' (" + CLIENT
                        + ".registration." + id + ".scope): without OpenID Connect there is no verified ID token to "
                        + "read roles and organisation from");
            }
            String provider = registration.getProvider() == null ? id : registration.getProvider();
            OAuth2ClientProperties.Provider details = providers.get(provider);
            if (details == null || details.getIssuerUri() == null || details.getIssuerUri().isBlank()) {
                problems.add("the editor login '" + id + "' has no issuer (" + CLIENT + ".provider." + provider
                        + ".issuer-uri): the issuer of its ID tokens is only checked, and its endpoints and keys "
                        + "found, through the provider's OpenID discovery document");
            }
        });
        if (!problems.isEmpty()) {
            throw new InsecureLoginSetup(problems);
        }
        if (registrations.isEmpty()) {
            log.warn("No OpenID Connect login is configured ({}.registration.*): nobody can log in to the editor's "
                    + "pages; the API works. See docs/security.md, \"Editor login\".", CLIENT);
        }
    }
}
