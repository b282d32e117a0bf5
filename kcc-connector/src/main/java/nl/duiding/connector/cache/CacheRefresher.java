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
import nl.duiding.connector.tenant.Tenants;

/**
 * Fills the script cache from kb-service on start and every {@code duiding.cache.refresh}: the national narratives,
 * then for every configured municipality its own local ones. A failed refresh keeps
 * the previous content: stale scripts are better than none while kb-service is away.
 */
@Component
class CacheRefresher {

    private static final Logger log = LoggerFactory.getLogger(CacheRefresher.class);
    private static final int PAGE_SIZE = 100;
    private static final int MAX_PAGES = 100;

    private final PublishedNarratives narratives;
    private final PublishedScriptCache cache;
    private final Tenants tenants;
    private final Clock clock;

    CacheRefresher(PublishedNarratives narratives, PublishedScriptCache cache, Tenants tenants, Clock clock) {
        this.narratives = narratives;
        this.cache = cache;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** National narratives ({@code tenant} null), or one municipality's own, each as that municipality sees it. */
    private Map<String, KbApi.Narrative> published(String tenant) {
        Map<String, KbApi.Narrative> all = new LinkedHashMap<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            KbApi.NarrativePage result = narratives.list(page, PAGE_SIZE, tenant);
            for (KbApi.NarrativeItem item : result.items()) {
                // kb-service answers only the asked tenant's own; checked again, as the cache would show it.
                if (tenant == null ? "nationaal".equals(item.tenant()) : tenant.equals(item.tenant())) {
                    all.put(item.slug(), narratives.get(item.slug(), tenant));
                }
            }
            if (result.items().isEmpty() || (long) page * PAGE_SIZE >= result.total()) {
                break;
            }
        }
        return all;
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
            Map<String, KbApi.Narrative> national = published(null);
            Map<String, Map<String, KbApi.Narrative>> local = new LinkedHashMap<>();
            for (String tenant : tenants.all().keySet()) {
                local.put(tenant, published(tenant));
            }
            cache.replace(national, local, clock.instant());
            log.info("script cache refreshed: {} national narratives, {} local ones of {} municipalities",
                    national.size(), local.values().stream().mapToInt(Map::size).sum(), local.size());
            return true;
        } catch (RuntimeException e) {
            log.warn("script cache not refreshed, keeping {} narratives: {}", cache.snapshot().narratives().size(),
                    KbFailures.classify(e).getMessage());
            return false;
        }
    }
}
