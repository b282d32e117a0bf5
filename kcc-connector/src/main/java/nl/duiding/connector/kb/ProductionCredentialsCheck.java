package nl.duiding.connector.kb;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * In the {@code prod} profile the connector logs in to kb-service with a client-credentials token or an API key,
 * never with a local password. It refuses to start otherwise: before any bean is made, so nothing is polled, no port
 * is opened and no CRM event is taken with the wrong login. {@link Analyzer} prints why, without a stack trace.
 */
@Configuration(proxyBeanMethods = false)
@Profile("prod")
class ProductionCredentialsCheck {

    @Bean
    static BeanFactoryPostProcessor refuseLocalCredentialsInProduction(Environment environment) {
        return beanFactory -> check(environment);
    }

    static void check(Environment environment) {
        Binder binder = Binder.get(environment);
        List<String> problems = new ArrayList<>();
        if (set(binder, "duiding.kb.username") || set(binder, "duiding.kb.password")) {
            problems.add("a local user is configured for kb-service (duiding.kb.username / duiding.kb.password, "
                    + "DUIDING_KB_USERNAME / DUIDING_KB_PASSWORD); HTTP Basic is for the 'local' profile only: remove "
                    + "it");
        }
        if (!set(binder, "duiding.kb.client-credentials.token-uri") && !set(binder, "duiding.kb.api-key")
                && !set(binder, "duiding.kb.api-key-file")) {
            problems.add("no login for kb-service is configured: set duiding.kb.client-credentials.token-uri, "
                    + ".client-id and .client-secret (a client of the identity provider with the role 'connector'), "
                    + "or duiding.kb.api-key-file (DUIDING_KB_API_KEY_FILE) or duiding.kb.api-key (DUIDING_KB_API_KEY)");
        }
        if (!problems.isEmpty()) {
            throw new InsecureCredentials(problems);
        }
    }

    private static boolean set(Binder binder, String name) {
        return binder.bind(name, String.class).map(value -> !value.isBlank()).orElse(false);
    }

    /** Start-up refused: the production profile with a local password, or without a login for kb-service. */
    static final class InsecureCredentials extends IllegalStateException {

        private final List<String> problems;

        InsecureCredentials(List<String> problems) {
            super("kcc-connector will not start in the 'prod' profile: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }
    }

    /** Prints the reasons as Spring Boot's plain "APPLICATION FAILED TO START" text. */
    static final class Analyzer extends AbstractFailureAnalyzer<InsecureCredentials> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, InsecureCredentials cause) {
            return new FailureAnalysis("kcc-connector will not start in the 'prod' profile:\n  - "
                    + String.join("\n  - ", cause.problems),
                    "Give the connector a client of the identity provider or an API key and remove local credentials; "
                            + "see docs/kcc-connector.md, \"Logging in to kb-service\".", cause);
        }
    }
}
