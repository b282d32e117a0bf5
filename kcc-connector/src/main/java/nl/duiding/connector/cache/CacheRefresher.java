package nl.duiding.connector.cache;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import nl.duiding.connector.kb.KbApi;
import nl.duiding.connector.kb.KbFailures;
import nl.duiding.connector.kb.PublishedNarratives;

/**
 * Fills the script cache from kb-service on start and every {@code duiding.cache.refresh}. A failed refresh keeps
 * the previous content: stale scripts are better than none while kb-service is away.
 */
@Component
class CacheRefresher {

    private static final Logger log = LoggerFactory.getLogger(CacheRefresher.class);
    private static final int PAGE_SIZE = 100;
    private static final int MAX_PAGES = 100;

    private final PublishedNarratives narratives;
    private final PublishedScriptCache cache;
    private final Clock clock;

    CacheRefresher(PublishedNarratives narratives, PublishedScriptCache cache, Clock clock) {
        this.narratives = narratives;
        this.cache = cache;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        Thread.ofVirtual().name("script-cache-initial").start(this::refresh);
    }

    @Scheduled(fixedDelayString = "${duiding.cache.refresh:5m}", initialDelayString = "${duiding.cache.refresh:5m}")
    void scheduled() {
        refresh();
    }

    synchronized boolean refresh() {
        try {
            Map<String, KbApi.Narrative> all = new LinkedHashMap<>();
            for (int page = 1; page <= MAX_PAGES; page++) {
                KbApi.NarrativePage result = narratives.list(page, PAGE_SIZE);
                for (KbApi.NarrativeItem item : result.items()) {
                    all.put(item.slug(), narratives.get(item.slug()));
                }
                if (result.items().isEmpty() || (long) page * PAGE_SIZE >= result.total()) {
                    break;
                }
            }
            cache.replace(all, clock.instant());
            log.info("script cache refreshed: {} published narratives", all.size());
            return true;
        } catch (RuntimeException e) {
            log.warn("script cache not refreshed, keeping {} narratives: {}", cache.snapshot().narratives().size(),
                    KbFailures.classify(e).getMessage());
            return false;
        }
    }
}
