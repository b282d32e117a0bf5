package nl.duiding.connector.kb;

import feign.RequestInterceptor;

/**
 * How the connector proves who it is to kb-service, added to every call of every kb-service client. One way per
 * deployment, chosen by {@link KbCredentialsConfiguration}: a client-credentials token or an API key in production,
 * HTTP Basic in the {@code local} profile. Secrets never reach a log line.
 */
interface KbCredentials extends RequestInterceptor {

    /** What the start-up log says about the way in use: never a secret. */
    String describe();

    /**
     * kb-service refused the credentials (401): drop a cached token, read a key file again, so the next call uses
     * what is current (a rotated key, a token after the provider changed its keys).
     */
    default void refused() {
    }
}
