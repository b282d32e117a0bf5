package nl.duiding.kb.simulation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import nl.duiding.kb.privacy.ContactScrubber;
import nl.duiding.kb.signal.TextFingerprint;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reference for the intake benchmark: the very documents kb-service writes for a signal (a count document and a
 * detail document with scrubbed text and band keys), prepared beforehand and sent with {@code _bulk} straight to
 * Elasticsearch in batches of 1,000 signals from the same number of clients. Measured in the same session as the
 * intake, it says how much of the machine's (shared, varying) capacity the API reaches. The documents go to two
 * indices under the kb-service's prefix (so its templates give them the same mappings), which are deleted afterwards.
 */
final class RawBulkReference {

    record Result(int signals, int documents, double seconds) {
    }

    private RawBulkReference() {
    }

    static Result run(HttpClient http, String esUrl, String prefix, String tenant, String source,
            List<ContactStream.Contact> contacts, int clients) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        ContactScrubber scrubber = new ContactScrubber();
        String countIndex = prefix + "-signals-v1-rawref";
        String detailIndex = prefix + "-signal-details-v1-rawref";
        List<String> bodies = new ArrayList<>();
        Instant now = Instant.now();
        for (int from = 0; from < contacts.size(); from += 1000) {
            StringBuilder body = new StringBuilder();
            for (ContactStream.Contact c : contacts.subList(from, Math.min(from + 1000, contacts.size()))) {
                String id = "raw-" + c.externalId();
                String text = scrubber.clean(c.text());
                List<String> narratives = c.confirmedSlugs().isEmpty() ? c.matchedSlugs() : c.confirmedSlugs();
                Map<String, Object> count = new LinkedHashMap<>();
                count.put("tenant", tenant);
                count.put("source", source);
                count.put("channel", c.channel());
                count.put("occurredAt", c.occurredAt().toString());
                count.put("receivedAt", now.toString());
                count.put("narratives", narratives);
                count.put("matchedSlugs", c.matchedSlugs());
                count.put("confirmedSlugs", c.confirmedSlugs());
                count.put("hasText", true);
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("tenant", tenant);
                detail.put("channel", c.channel());
                detail.put("occurredAt", c.occurredAt().toString());
                detail.put("narratives", narratives);
                detail.put("matchedSlugs", c.matchedSlugs());
                detail.put("confirmedSlugs", c.confirmedSlugs());
                detail.put("residentHash", c.residentHash());
                detail.put("text", text);
                detail.put("bands", TextFingerprint.bands(text));
                body.append("{\"create\":{\"_index\":\"").append(countIndex).append("\",\"_id\":\"").append(id)
                        .append("\"}}\n").append(json.writeValueAsString(count)).append('\n');
                body.append("{\"create\":{\"_index\":\"").append(detailIndex).append("\",\"_id\":\"").append(id)
                        .append("\"}}\n").append(json.writeValueAsString(detail)).append('\n');
            }
            bodies.add(body.toString());
        }
        AtomicInteger next = new AtomicInteger();
        List<Callable<Void>> workers = new ArrayList<>();
        for (int w = 0; w < clients; w++) {
            workers.add(() -> {
                for (int b = next.getAndIncrement(); b < bodies.size(); b = next.getAndIncrement()) {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(esUrl + "/_bulk"))
                            .header("Content-Type", "application/x-ndjson").timeout(Duration.ofSeconds(120))
                            .POST(HttpRequest.BodyPublishers.ofString(bodies.get(b))).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200 || response.body().contains("\"errors\":true")) {
                        throw new IllegalStateException("_bulk answered " + response.statusCode() + ": "
                                + response.body().substring(0, Math.min(500, response.body().length())));
                    }
                }
                return null;
            });
        }
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            for (var f : pool.invokeAll(workers)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        for (String index : List.of(countIndex, detailIndex)) {
            http.send(HttpRequest.newBuilder(URI.create(esUrl + "/" + index)).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        return new Result(contacts.size(), contacts.size() * 2, seconds);
    }
}
