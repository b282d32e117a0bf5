package nl.duiding.connector.klantinteracties;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.duiding.connector.kb.KbApi;
import nl.duiding.connector.kb.KbRejected;
import nl.duiding.connector.tenant.TenantProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Moves one tenant's klantcontacten into kb-service.
 *
 * <p>Polling, honestly: the Klantinteracties API has no filter on time and documents no ordering, so a poll walks
 * the list from page 1 along the {@code next} links to the end (at most {@code max-pages}) and relies on the
 * durable seen-set, not on a position in the list. A contact that appears while we walk (and shifts the pages) is
 * either read on a later page or on the next poll. A {@code next} link that was seen before, leaves the API or
 * exceeds the page limit stops the walk and is reported. Contacts older than {@code horizon} are skipped, which
 * bounds the seen-set.
 */
class TenantAdapter {

    private static final Logger log = LoggerFactory.getLogger(TenantAdapter.class);

    private final String tenant;
    private final TenantProperties.Klantinteracties config;
    private final KlantinteractiesApi api;
    private final ContactLedger ledger;
    private final Quarantine quarantine;
    private final SignalSink signals;
    private final KlantcontactMapper mapper;
    private final KlantcontactMapper.Origin origin;
    private final JsonMapper json;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile PollReport last;
    private volatile Instant nextPoll = Instant.EPOCH;

    TenantAdapter(String tenant, TenantProperties.Klantinteracties config, KlantinteractiesApi api,
            ContactLedger ledger, Quarantine quarantine, SignalSink signals, KlantcontactMapper mapper,
            KlantcontactMapper.Origin origin, JsonMapper json, Clock clock) {
        this.tenant = tenant;
        this.config = config;
        this.api = api;
        this.ledger = ledger;
        this.quarantine = quarantine;
        this.signals = signals;
        this.mapper = mapper;
        this.origin = origin;
        this.json = json;
        this.clock = clock;
    }

    String tenant() {
        return tenant;
    }

    PollReport lastReport() {
        return last;
    }

    boolean due(Instant now) {
        return !now.isBefore(nextPoll);
    }

    KlantinteractiesApi api() {
        return api;
    }

    Quarantine quarantine() {
        return quarantine;
    }

    ContactLedger ledger() {
        return ledger;
    }

    /** One complete walk over the klantcontacten list. */
    PollReport poll() {
        lock.lock();
        try {
            Instant started = clock.instant();
            nextPoll = started.plus(config.pollInterval());
            Counts counts = new Counts();
            String problem = null;
            Set<URI> visited = new HashSet<>();
            URI page = api.firstPage();
            try {
                while (page != null) {
                    if (!visited.add(page)) {
                        throw new CrmFailure(CrmFailure.Kind.PAGINERING, "next link leads back to " + page.getPath()
                                + " (page " + (counts.pages + 1) + ")");
                    }
                    if (counts.pages >= config.maxPages()) {
                        throw new CrmFailure(CrmFailure.Kind.PAGINERING, "stopped after max-pages " + config.maxPages()
                                + "; raise max-pages or page-size to see the whole list");
                    }
                    JsonNode body = api.get(page);
                    counts.pages++;
                    if (!body.has("results") || !body.get("results").isArray()) {
                        throw new CrmFailure(CrmFailure.Kind.ONGELDIG_ANTWOORD, "page without results array");
                    }
                    List<JsonNode> records = new ArrayList<>();
                    body.get("results").forEach(records::add);
                    deliver(records, counts);
                    page = next(body);
                }
                ledger.walkCompleted(started);
            } catch (CrmFailure e) {
                problem = e.kind() + ": " + e.getMessage();
                log.warn("Klantinteracties poll of {} stopped: {}", tenant, problem);
            } catch (RuntimeException e) {
                // kb-service unavailable or refusing: nothing unacknowledged was remembered; the next poll resends.
                problem = "KENNISBANK: " + e.getMessage();
                log.warn("Klantinteracties poll of {} stopped, kb-service did not take the signals: {}", tenant,
                        e.getMessage());
            }
            ledger.forgetBefore(clock.instant().minus(config.horizon()));
            ledger.save();
            last = counts.report(tenant, started, problem);
            return last;
        } finally {
            lock.unlock();
        }
    }

    /** A klantcontact Open Notificaties told us about: fetched from our own API only and delivered at once. */
    PollReport notified(URI resourceUrl) {
        if (!api.ownsUrl(resourceUrl)) {
            throw new CrmFailure(CrmFailure.Kind.PAGINERING, "notification for a URL outside the configured API");
        }
        URI url = URI.create(resourceUrl + (resourceUrl.getQuery() == null ? "?" : "&") + "expand=hadBetrokkenen");
        JsonNode record = api.get(url);
        lock.lock();
        try {
            Counts counts = new Counts();
            deliver(List.of(record), counts);
            ledger.save();
            return counts.report(tenant, clock.instant(), null);
        } finally {
            lock.unlock();
        }
    }

    private URI next(JsonNode page) {
        JsonNode next = page.get("next");
        if (next == null || next.isNull()) {
            return null;
        }
        if (!next.isString()) {
            throw new CrmFailure(CrmFailure.Kind.ONGELDIG_ANTWOORD, "next is not a URL");
        }
        URI uri;
        try {
            uri = URI.create(next.asString());
        } catch (IllegalArgumentException e) {
            throw new CrmFailure(CrmFailure.Kind.ONGELDIG_ANTWOORD, "next is not a URL");
        }
        if (!api.ownsUrl(uri)) {
            throw new CrmFailure(CrmFailure.Kind.PAGINERING, "next link leaves the configured API");
        }
        return uri;
    }

    private static final class Counts {
        int pages;
        int accepted;
        int duplicates;
        int quarantined;
        int retryLater;
        int confidential;
        int tooOld;

        PollReport report(String tenant, Instant at, String problem) {
            return new PollReport(tenant, at, pages, accepted, duplicates, quarantined, retryLater, confidential, tooOld,
                    problem);
        }
    }

    /**
     * Sends the unseen records of one page and remembers what kb-service acknowledged. Malformed and rejected
     * records are quarantined (and remembered, so they are reported once); an outage throws before anything of
     * this page is remembered.
     */
    private void deliver(List<JsonNode> records, Counts counts) {
        Instant now = clock.instant();
        Instant horizon = now.minus(config.horizon());
        List<KbApi.Signal> batch = new ArrayList<>();
        List<Klantcontact> contacts = new ArrayList<>();
        for (JsonNode node : records) {
            String id = node != null && node.hasNonNull("uuid") ? node.get("uuid").asString() : null;
            if (id != null && ledger.seen(id)) {
                continue;
            }
            Klantcontact contact;
            try {
                contact = json.treeToValue(node, Klantcontact.class);
            } catch (RuntimeException e) {
                quarantine(id, "onleesbaar record: " + e.getClass().getSimpleName(), null, counts);
                continue;
            }
            String malformed = malformed(contact);
            if (malformed != null) {
                quarantine(id, malformed, contact.plaatsgevondenOp() == null ? null
                        : contact.plaatsgevondenOp().toInstant(), counts);
                continue;
            }
            Instant at = contact.plaatsgevondenOp().toInstant();
            if (at.isBefore(horizon)) {
                counts.tooOld++;
                continue;
            }
            if (Boolean.TRUE.equals(contact.vertrouwelijk())) {
                // Vertrouwelijk: onderwerp and inhoud must not leave the CRM; not even a count is sent.
                ledger.remember(contact.uuid(), at);
                counts.confidential++;
                continue;
            }
            batch.add(mapper.toSignal(contact, origin));
            contacts.add(contact);
        }
        if (batch.isEmpty()) {
            return;
        }
        List<KbApi.SignalResult> results;
        try {
            results = signals.send(batch);
        } catch (KbRejected e) {
            // The whole request was refused (not one item): an adapter fault to report, not records to drop.
            throw new IllegalStateException("kb-service refused the batch: " + e.title(), e);
        }
        for (int i = 0; i < results.size(); i++) {
            KbApi.SignalResult result = results.get(i);
            Klantcontact contact = contacts.get(i);
            Instant at = contact.plaatsgevondenOp().toInstant();
            if (result.worthRetrying()) {
                // Not remembered: the next poll sends it again.
                counts.retryLater++;
            } else if (result.acknowledged()) {
                ledger.remember(contact.uuid(), at);
                if ("accepted".equals(result.status())) {
                    counts.accepted++;
                } else {
                    counts.duplicates++;
                }
            } else {
                quarantine(contact.uuid(), "geweigerd door kennisbank: " + (result.problem() == null
                        ? result.status() : result.problem().title() + (result.problem().field() == null ? ""
                                : " (" + result.problem().field() + ")")), at, counts);
            }
        }
    }

    private void quarantine(String id, String reason, Instant at, Counts counts) {
        quarantine.put(id == null ? "(zonder uuid)" : id, reason, clock.instant());
        if (id != null) {
            ledger.remember(id, at);
        }
        counts.quarantined++;
    }

    /** What makes a record unusable, or null; the spec's required fields plus what a signal needs. */
    private String malformed(Klantcontact c) {
        if (c.uuid() == null || !c.uuid().matches("[0-9a-fA-F-]{36}")) {
            return "uuid ontbreekt of is ongeldig";
        }
        if (c.plaatsgevondenOp() == null) {
            return "plaatsgevondenOp ontbreekt";
        }
        if (c.vertrouwelijk() == null) {
            return "vertrouwelijk ontbreekt";
        }
        if (origin.channels().channel(c.kanaal()) == null) {
            return "onbekend kanaal '" + (c.kanaal() == null ? "" : c.kanaal().replaceAll("[^\\p{L}\\p{N} -]", ""))
                    + "' (voeg het toe aan kanaal-mapping)";
        }
        if ((c.inhoud() == null || c.inhoud().isBlank()) && (c.onderwerp() == null || c.onderwerp().isBlank())) {
            return "onderwerp en inhoud ontbreken";
        }
        return null;
    }
}
