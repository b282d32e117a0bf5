package nl.duiding.kb.matching;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The {@link ClaimLanguage} of what the match index holds. Built on first use (term vectors of every whole narrative
 * and topic: 0.3 s for 1,000 narratives), rebuilt in the background when this instance changes the index, and
 * refreshed in the background ten minutes after the last build, so that what another kb-service instance published
 * is seen too. A request never waits for a rebuild; until it is done it uses the previous model. Ten minutes, not
 * the two of {@link TermVectorCache}: a rebuild reads every narrative, and one more narrative hardly moves the model.
 */
@Component
class ClaimLanguageCache {

    private static final Logger log = LoggerFactory.getLogger(ClaimLanguageCache.class);
    private static final Duration REFRESH = Duration.ofMinutes(10);
    private static final String KEY = "library";

    private final LoadingCache<String, ClaimLanguage> model;

    ClaimLanguageCache(MatchSearch search) {
        this.model = Caffeine.newBuilder()
                .refreshAfterWrite(REFRESH)
                .build(key -> build(search));
    }

    private static ClaimLanguage build(MatchSearch search) {
        long start = System.nanoTime();
        ClaimLanguage language = ClaimLanguage.fit(search.stemCounts(MatchDocument.NARRATIVE),
                search.stemCounts(MatchDocument.TOPIC));
        log.debug("Claim language built over {} stems in {} ms", language.logRatios().size(),
                (System.nanoTime() - start) / 1_000_000);
        return language;
    }

    ClaimLanguage get() {
        return model.get(KEY);
    }

    /** Called by {@link MatchIndexWriter} whenever it has changed the index. */
    void rebuild() {
        model.refresh(KEY);
    }
}
