package nl.duiding.kb.matching;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The {@link ClaimLanguage} of what the match index holds. Built on first use (term vectors of every whole narrative
 * and topic: 0.3 s for 1,000 narratives), rebuilt in the background when this instance changes the index, and
 * refreshed in the background ten minutes after the last build, so that what another kb-service instance published
 * is seen too. A request never waits for a rebuild; until it is done it uses the previous model. Ten minutes, not
 * the two of {@link TermVectorCache}: a rebuild reads every narrative, and one more narrative hardly moves the model.
 * <p>
 * Rebuilds after a change run one after another on a thread of their own, each reading the index after its change,
 * so the last change is always in the model; a refresh of the cache would instead join a rebuild already under way,
 * which may have read the index before the change (on a fresh index: the narratives without the ordinary topics).
 */
@Component
class ClaimLanguageCache {

    private static final Logger log = LoggerFactory.getLogger(ClaimLanguageCache.class);
    private static final Duration REFRESH = Duration.ofMinutes(10);
    private static final String KEY = "library";

    private final MatchSearch search;
    private final LoadingCache<String, ClaimLanguage> model;
    private final ExecutorService rebuilds = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("claim-language").daemon().factory());

    ClaimLanguageCache(MatchSearch search) {
        this.search = search;
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
        rebuilds.execute(() -> {
            try {
                model.put(KEY, build(search));
            } catch (RuntimeException e) {
                log.warn("Rebuilding the claim language failed; the previous one stays in use: {}", e.getMessage());
            }
        });
    }

    /** Waits until every rebuild asked for so far is done (the tools measure on the model of the whole index). */
    void awaitRebuilds() throws InterruptedException {
        try {
            rebuilds.submit(() -> { }).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @PreDestroy
    void stop() {
        rebuilds.shutdownNow();
    }
}
