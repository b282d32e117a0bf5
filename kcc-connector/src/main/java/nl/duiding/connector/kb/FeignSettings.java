package nl.duiding.connector.kb;

import org.springframework.context.annotation.Bean;

import feign.RequestInterceptor;
import feign.Retryer;
import feign.auth.BasicAuthRequestInterceptor;
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
        ErrorDecoder kbErrorDecoder(JsonMapper json) {
            return new ProblemErrorDecoder(json);
        }

        @Bean
        RequestInterceptor kbCredentials(KbProperties properties) {
            if (properties.username() == null || properties.username().isBlank()) {
                return template -> {
                };
            }
            return new BasicAuthRequestInterceptor(properties.username(),
                    properties.password() == null ? "" : properties.password().value());
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
