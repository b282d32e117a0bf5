package nl.duiding.kb.matching;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.springframework.stereotype.Component;

/**
 * The {@link ClaimLanguage} of what the match index holds now. Built on first use after a change (a few term vector
 * requests over the whole narratives and topics), then refreshed in the background every two minutes, like
 * {@link TermVectorCache}, so that what another kb-service instance published is seen without a request waiting
 * for it.
 */
@Component
class ClaimLanguageCache {

    private static final Duration REFRESH = Duration.ofMinutes(2);

    private final LoadingCache<String, ClaimLanguage> model;

    ClaimLanguageCache(MatchSearch search) {
        this.model = Caffeine.newBuilder()
                .refreshAfterWrite(REFRESH)
                .build(key -> ClaimLanguage.fit(search.stemCounts(MatchDocument.NARRATIVE),
                        search.stemCounts(MatchDocument.TOPIC)));
    }

    ClaimLanguage get() {
        return model.get("library");
    }

    /** Called by {@link MatchIndexWriter} whenever it has changed the index. */
    void clear() {
        model.invalidateAll();
    }
}
