package nl.duiding.connector.kb;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the one way the connector logs in to kb-service. Configuring two is refused at start: which one would be
 * used is then a guess, and an unused secret lying around is one too many. The {@code prod} profile additionally
 * refuses HTTP Basic ({@link ProductionCredentialsCheck}).
 */
@Configuration(proxyBeanMethods = false)
class KbCredentialsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KbCredentialsConfiguration.class);

    @Bean
    KbCredentials kbCredentials(KbProperties properties, Clock clock) {
        List<String> configured = configured(properties);
        if (configured.size() > 1) {
            throw new IllegalStateException("kcc-connector logs in to kb-service in one way, but " + String.join(
                    " and ", configured) + " are configured; remove all but one");
        }
        KbCredentials credentials;
        if (properties.clientCredentials().configured()) {
            credentials = new ClientCredentialsToken(properties.clientCredentials());
        } else if (properties.apiKeys()) {
            credentials = new ApiKeyCredentials(properties.apiKey(), properties.apiKeyFile(),
                    properties.apiKeyReload(), clock);
        } else if (properties.basic()) {
            credentials = new BasicCredentials(properties.username(),
                    properties.password() == null ? "" : properties.password().value());
        } else {
            credentials = new KbCredentials() {
                @Override
                public void apply(feign.RequestTemplate template) {
                }

                @Override
                public String describe() {
                    return "no credentials";
                }
            };
        }
        log.info("kb-service at {}: {}", properties.url(), credentials.describe());
        return credentials;
    }

    /** The ways configured, by their setting names. */
    static List<String> configured(KbProperties properties) {
        List<String> ways = new ArrayList<>();
        if (properties.clientCredentials().configured()) {
            ways.add("client credentials (duiding.kb.client-credentials.*)");
        }
        if (properties.apiKey() != null && properties.apiKeyFile() != null) {
            ways.add("an API key (duiding.kb.api-key)");
            ways.add("an API key file (duiding.kb.api-key-file)");
        } else if (properties.apiKeys()) {
            ways.add("an API key (duiding.kb.api-key" + (properties.apiKeyFile() != null ? "-file)" : ")"));
        }
        if (properties.basic()) {
            ways.add("HTTP Basic (duiding.kb.username/password)");
        }
        return ways;
    }
}
