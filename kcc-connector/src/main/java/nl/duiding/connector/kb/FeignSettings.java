package nl.duiding.connector.kb;

import org.springframework.context.annotation.Bean;

import feign.RequestInterceptor;
import feign.Retryer;
import feign.codec.ErrorDecoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feign settings for every kb-service client: credentials, problem-detail decoding, and per API area whether calls
 * are retried. Deliberately not {@code @Configuration}: Spring Cloud OpenFeign applies these only to the clients
 * that name them, not to the CRM side.
 */
public final class FeignSettings {

    private FeignSettings() {
    }

    /** Shared by all kb-service clients (named in {@code @EnableFeignClients(defaultConfiguration=…)}). */
    public static class Defaults {

        @Bean
        ErrorDecoder kbErrorDecoder(JsonMapper json, KbCredentials credentials) {
            return new ProblemErrorDecoder(json, credentials);
        }

        /** The one login of the connector ({@link KbCredentialsConfiguration}), shared by every client. */
        @Bean
        RequestInterceptor kbLogin(KbCredentials credentials) {
            return credentials;
        }
    }

    static class Idempotent {

        @Bean
        Retryer kbRetryer(KbProperties properties) {
            return new IdempotentRetryer(properties);
        }
    }

    static class SendOnce {

        @Bean
        Retryer kbRetryer() {
            return Retryer.NEVER_RETRY;
        }
    }
}
