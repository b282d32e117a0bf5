package nl.duiding.connector.kb;

import feign.RetryableException;
import feign.Retryer;

/**
 * Retries with exponential backoff (Feign's default retryer, honouring Retry-After), used only by the API areas
 * whose calls are idempotent; the others use {@link Retryer#NEVER_RETRY}.
 */
class IdempotentRetryer implements Retryer {

    private final KbProperties properties;
    private final Retryer delegate;

    IdempotentRetryer(KbProperties properties) {
        this.properties = properties;
        long period = properties.retryBackoff().toMillis();
        this.delegate = new Retryer.Default(period, period * 8, Math.max(1, properties.retries()));
    }

    @Override
    public void continueOrPropagate(RetryableException e) {
        delegate.continueOrPropagate(e);
    }

    @Override
    public Retryer clone() {
        return new IdempotentRetryer(properties);
    }
}
