package nl.duiding.connector.kb;

/**
 * What the sidebar shows, and whether it came from the local cache because kb-service was slow or down.
 */
public record Answer<T>(T value, boolean degraded) {

    static <T> Answer<T> live(T value) {
        return new Answer<>(value, false);
    }

    static <T> Answer<T> fromCache(T value) {
        return new Answer<>(value, true);
    }
}
