package nl.duiding.connector.klantinteracties;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import nl.duiding.connector.kb.ContactSignals;
import nl.duiding.connector.security.ResidentHasher;
import nl.duiding.connector.tenant.TenantProperties;
import nl.duiding.connector.tenant.Tenants;
import tools.jackson.databind.json.JsonMapper;

/** The Klantinteracties adapter of every tenant that has one configured, and the poller that drives them. */
@Component
class KlantinteractiesAdapters {

    private final Map<String, TenantAdapter> adapters = new TreeMap<>();
    private final Clock clock;

    KlantinteractiesAdapters(Tenants tenants, AdapterSettings settings, ContactSignals signals,
            KlantcontactMapper mapper, ResidentHasher hasher, JsonMapper json, Clock clock) {
        this.clock = clock;
        tenants.all().forEach((code, tenant) -> {
            TenantProperties.Klantinteracties config = tenant.klantinteracties();
            if (config == null || config.baseUrl() == null) {
                return;
            }
            if (config.token() == null) {
                throw new IllegalStateException("duiding.tenants." + code + ".klantinteracties.token is not set");
            }
            String source = config.source() == null || config.source().isBlank()
                    ? "openklant-" + code.toLowerCase(java.util.Locale.ROOT) : config.source();
            var origin = new KlantcontactMapper.Origin(source, code, new ChannelNames(config.kanaalMapping()),
                    id -> hasher.hash(code, id));
            String file = code.toLowerCase(java.util.Locale.ROOT);
            adapters.put(code, new TenantAdapter(code, config,
                    new KlantinteractiesApi(config, json, settings.firstBackoff()),
                    new ContactLedger(settings.stateDir().resolve("klantinteracties-" + file + ".json"), json),
                    new Quarantine(settings.stateDir().resolve("quarantine-" + file + ".jsonl"), json, code),
                    signals::send, mapper, origin, json, clock));
        });
    }

    Optional<TenantAdapter> forTenant(String tenant) {
        return Optional.ofNullable(adapters.get(tenant));
    }

    Map<String, TenantAdapter> all() {
        return adapters;
    }

    /** Polls every tenant whose interval has passed; tenants are polled one after another. */
    @Scheduled(fixedDelayString = "${duiding.klantinteracties.tick:15s}",
            initialDelayString = "${duiding.klantinteracties.tick:15s}")
    void pollDue() {
        var now = clock.instant();
        adapters.values().stream().filter(a -> a.due(now)).forEach(TenantAdapter::poll);
    }
}
