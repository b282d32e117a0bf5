package nl.duiding.kb.matching;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

/**
 * Analysed terms of match documents, kept for a short while: the same phrasings and narratives come back in
 * request after request, and fetching their term vectors was the largest share of a match. Entries expire after two
 * minutes, so a change published on another kb-service instance (and the drift of idf as the index grows) is seen
 * within that time; a change written by this instance clears the cache at once.
 */
@Component
class TermVectorCache {

    private static final Duration LIFETIME = Duration.ofMinutes(2);

    private final Cache<String, Map<String, Double>> terms = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterWrite(LIFETIME)
            .build();

    /** Terms of every id; {@code fetch} gets the missing ones from Elasticsearch in one request. */
    Map<String, Map<String, Double>> get(Collection<String> ids,
            Function<Set<String>, Map<String, Map<String, Double>>> fetch) {
        Map<String, Map<String, Double>> result = new HashMap<>(terms.getAllPresent(ids));
        Set<String> missing = new LinkedHashSet<>(ids);
        missing.removeAll(result.keySet());
        if (!missing.isEmpty()) {
            Map<String, Map<String, Double>> fetched = fetch.apply(missing);
            terms.putAll(fetched);
            result.putAll(fetched);
        }
        return result;
    }

    /** Called by {@link MatchIndexWriter} whenever it has changed the index. */
    void clear() {
        terms.invalidateAll();
    }
}
