package nl.duiding.connector.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Remembers the ids of launch links already used until they expire, so a link works once. Kept in memory: with
 * several connector instances behind a load balancer, use sticky routing for /sidebar or accept that a link could
 * be used once per instance within its few minutes of life.
 */
@Component
class ReplayGuard {

    private static final int MAX_ENTRIES = 100_000;

    private final Map<String, Instant> used = new ConcurrentHashMap<>();
    private final Clock clock;

    ReplayGuard(Clock clock) {
        this.clock = clock;
    }

    /** True the first time an id is presented before its expiry; false for every later attempt. */
    boolean firstUse(String id, Instant expiresAt) {
        Instant now = clock.instant();
        if (used.size() > MAX_ENTRIES / 2) {
            used.values().removeIf(expiry -> expiry.isBefore(now));
        }
        if (used.size() >= MAX_ENTRIES) {
            // Refusing is safe; remembering without bound is not.
            return false;
        }
        return used.putIfAbsent(id, expiresAt) == null;
    }
}
