package nl.duiding.kb.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * In the {@code prod} profile people log in through the municipality's identity provider only. kb-service refuses to
 * start when local credentials are configured or the identity provider is not: before any bean is made, so nothing
 * touches Elasticsearch or opens a port with the wrong login. {@link InsecureLoginSetup.Analyzer} prints why.
 */
@Configuration(proxyBeanMethods = false)
@Profile("prod")
class ProductionLoginCheck {

    static final String JWT = "spring.security.oauth2.resourceserver.jwt";

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
        if (!problems.isEmpty()) {
            throw new InsecureLoginSetup(problems);
        }
    }
}
