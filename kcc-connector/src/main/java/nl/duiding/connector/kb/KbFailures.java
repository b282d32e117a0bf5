package nl.duiding.connector.kb;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.springframework.cloud.client.circuitbreaker.NoFallbackAvailableException;

import feign.FeignException;
import feign.RetryableException;

/** Reduces what Feign, the retryer and the circuit breaker throw to {@link KbRejected} or {@link KbUnavailable}. */
public final class KbFailures {

    private KbFailures() {
    }

    public static RuntimeException classify(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof ExecutionException || t instanceof NoFallbackAvailableException
                || t instanceof RetryableException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof KbRejected rejected) {
            return rejected;
        }
        if (t instanceof KbUnavailable unavailable) {
            return unavailable;
        }
        if (t instanceof TimeoutException) {
            return new KbUnavailable("kb-service did not answer in time", 0, t);
        }
        if (t instanceof FeignException feign) {
            return new KbUnavailable("kb-service call failed: " + feign.getClass().getSimpleName(), feign.status(), t);
        }
        return new KbUnavailable("kb-service not reachable: " + t.getClass().getSimpleName(), 0, t);
    }
}
