package nl.duiding.kb.simulation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command behind scripts/simulate.sh: generates a {@link ContactStream}, feeds it to a running kb-service
 * through {@code POST /api/v1/signals} as the connector would, and with {@code --evaluate} reads back the daily
 * reports as an analyst and scores them ({@link DetectionEvaluation}). Only talks to the URL it is given.
 */
public final class SimulateMain {

    private SimulateMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = parse(args);
        ZoneId zone = ZoneId.of(a.getOrDefault("zone", "Europe/Amsterdam"));
        int days = Integer.parseInt(a.getOrDefault("days", "7"));
        LocalDate end = a.containsKey("end") ? LocalDate.parse(a.get("end")) : LocalDate.now(zone);
        ContactStream.Settings settings = new ContactStream.Settings(Long.parseLong(a.getOrDefault("seed", "1")),
                end.minusDays(days), days, zone, Integer.parseInt(a.getOrDefault("background", "1500")),
                Integer.parseInt(a.getOrDefault("narratives", "150")),
                Double.parseDouble(a.getOrDefault("campaigns-per-week", "3")),
                Double.parseDouble(a.getOrDefault("repeat-per-day", "1")),
                Double.parseDouble(a.getOrDefault("decoys-per-week", "2")));
        String tenant = a.getOrDefault("tenant", "GM0363");
        ContactStream.Stream2 stream = ContactStream.fromContent(Path.of(a.getOrDefault("content", "content")))
                .generate(settings);
        System.err.printf("simulate: seed %d, %d days from %s, %d contacts, %d injected groups%n", settings.seed(),
                days, settings.firstDay(), stream.contacts().size(), stream.injected().size());
        JsonMapper json = JsonMapper.builder().build();
        if (a.containsKey("cost")) {
            // The CPU cost of intake's own work per contact (scrubbing, MinHash band keys), best of three passes.
            nl.duiding.kb.privacy.ContactScrubber scrubber = new nl.duiding.kb.privacy.ContactScrubber();
            List<String> texts = stream.contacts().stream().map(ContactStream.Contact::text).toList();
            double scrub = Double.MAX_VALUE;
            double bands = Double.MAX_VALUE;
            long sink = 0;
            for (int pass = 0; pass < 3; pass++) {
                long t0 = System.nanoTime();
                List<String> clean = new ArrayList<>(texts.size());
                for (String t : texts) {
                    clean.add(scrubber.clean(t));
                }
                long t1 = System.nanoTime();
                for (String t : clean) {
                    sink += nl.duiding.kb.signal.TextFingerprint.bands(t).size();
                }
                long t2 = System.nanoTime();
                scrub = Math.min(scrub, (t1 - t0) / 1e3 / texts.size());
                bands = Math.min(bands, (t2 - t1) / 1e3 / texts.size());
            }
            Map<String, Object> cost = new LinkedHashMap<>();
            cost.put("contacts", texts.size());
            cost.put("scrubMicrosPerContact", Math.round(scrub * 10) / 10.0);
            cost.put("bandsMicrosPerContact", Math.round(bands * 10) / 10.0);
            cost.put("bandKeys", sink);
            String text = json.writerWithDefaultPrettyPrinter().writeValueAsString(cost);
            System.out.println(text);
            if (a.containsKey("out")) {
                Files.writeString(Path.of(a.get("out")), text + "\n", StandardCharsets.UTF_8);
            }
            return;
        }
        if (a.containsKey("dry-run")) {
            for (ContactStream.Contact c : stream.contacts()) {
                System.out.println(json.writeValueAsString(c));
            }
            return;
        }
        String url = a.getOrDefault("url", "http://127.0.0.1:8080");
        long rawBefore = 0;
        long rawAfter = 0;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String connector = basic(a.getOrDefault("user", System.getenv("DUIDING_SIM_USER")),
                a.getOrDefault("password", System.getenv("DUIDING_SIM_PASSWORD")));
        int clients = Integer.parseInt(a.getOrDefault("clients", "1"));
        List<ContactStream.Contact> rawContacts = List.of();
        if (a.containsKey("raw-bulk")) {
            // The reference: the same documents straight into Elasticsearch, to compare intake with in one session
            // (before the feed here, and once more after it, as the machine's load changes).
            LocalDate rawDay = a.containsKey("raw-bulk-day") ? LocalDate.parse(a.get("raw-bulk-day")) : null;
            rawContacts = stream.contacts().stream()
                    .filter(c -> rawDay == null || c.occurredAt().atZone(zone).toLocalDate().equals(rawDay)).toList();
            rawBefore = rawBulk(http, a, tenant, settings, rawContacts, clients);
        }
        if (a.containsKey("live")) {
            LiveFeed.Result live = LiveFeed.run(http, url, connector, basic(a.get("analyst-user"),
                    a.get("analyst-password")), tenant, "simulatie-" + settings.seed(), stream,
                    Double.parseDouble(a.getOrDefault("speed", "60")),
                    a.get("live").equals("true") ? null : LocalDate.parse(a.get("live")), zone, json);
            String text = json.writerWithDefaultPrettyPrinter().writeValueAsString(live);
            System.out.println(text);
            if (a.containsKey("out")) {
                Files.writeString(Path.of(a.get("out")), text + "\n", StandardCharsets.UTF_8);
            }
            return;
        }
        long started = System.nanoTime();
        int accepted = feed(http, url, connector, tenant, "simulatie-" + settings.seed(), stream.contacts(), clients,
                json);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.err.printf("simulate: %d signals accepted in %.1f s (%.0f/s)%n", accepted, seconds, accepted / seconds);
        if (a.containsKey("raw-bulk")) {
            rawAfter = rawBulk(http, a, tenant, settings, rawContacts, clients);
        }
        if (!a.containsKey("evaluate")) {
            return;
        }
        Thread.sleep(6000); // one refresh interval (5 s) and a margin
        String analyst = basic(a.get("analyst-user"), a.get("analyst-password"));
        Map<LocalDate, List<String>> reported = new LinkedHashMap<>();
        Map<String, Object> timings = new HashMap<>();
        Map<String, Long> reportMillis = new LinkedHashMap<>();
        Map<String, Integer> reportedByDay = new LinkedHashMap<>();
        long slowest = 0;
        for (int d = 0; d < days; d++) {
            LocalDate day = settings.firstDay().plusDays(d);
            long t0 = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url
                            + "/api/v1/reports/daily/" + day + "?tenant=" + tenant)).header("Authorization", analyst)
                    .timeout(Duration.ofSeconds(120)).GET().build(), HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - t0) / 1_000_000;
            slowest = Math.max(slowest, millis);
            reportMillis.put(day.toString(), millis);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("report " + day + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            List<String> templates = new ArrayList<>();
            json.readTree(response.body()).get("campaigns").forEach(c -> templates.add(c.get("template").asString()));
            reported.put(day, templates);
            reportedByDay.put(day.toString(), templates.size());
        }
        DetectionEvaluation.Result result = DetectionEvaluation.evaluate(stream, zone, reported);
        timings.put("slowestReportMillis", slowest);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seed", settings.seed());
        out.put("days", days);
        out.put("firstDay", settings.firstDay().toString());
        out.put("contacts", stream.contacts().size());
        out.put("eligibleCampaignDays", result.eligible());
        out.put("found", result.found());
        out.put("recall", result.recall());
        out.put("eligibleCampaignDaysFirstDay", result.eligibleOnFirstDay());
        out.put("recallWithHistory", result.recallWithHistory());
        out.put("reportedCampaigns", result.reported());
        out.put("falseCampaigns", result.falseCampaigns());
        out.put("falseCampaignsPerWeek", result.falsePerWeek());
        out.put("falseCampaignsFirstDay", result.falseOnFirstDay());
        out.put("falseCampaignsPerWeekWithHistory", result.falsePerWeekWithHistory());
        out.put("repeatCallersReportedAsCampaign", result.repeatCallersAsCampaign());
        out.put("repeatCallerDays", stream.injected().stream().filter(i -> i.kind().equals("herhaald")).count());
        out.put("ingestPerSecond", Math.round(accepted / seconds));
        out.put("clients", clients);
        if (rawBefore > 0) {
            out.put("rawBulkPerSecond", (rawBefore + rawAfter) / 2);
            out.put("rawBulkPerSecondBefore", rawBefore);
            out.put("rawBulkPerSecondAfter", rawAfter);
        }
        out.putAll(timings);
        out.put("reportMillisByDay", reportMillis);
        out.put("reportedCampaignsByDay", reportedByDay);
        out.put("notes", result.notes());
        out.put("measuredAt", Instant.now().toString());
        String text = json.writerWithDefaultPrettyPrinter().writeValueAsString(out);
        System.out.println(text);
        if (a.containsKey("out")) {
            Files.writeString(Path.of(a.get("out")), text + "\n", StandardCharsets.UTF_8);
        }
    }

    private static long rawBulk(HttpClient http, Map<String, String> a, String tenant,
            ContactStream.Settings settings, List<ContactStream.Contact> contacts, int clients) throws Exception {
        RawBulkReference.Result raw = RawBulkReference.run(http, a.get("raw-bulk"), a.get("raw-bulk-prefix"), tenant,
                "simulatie-" + settings.seed(), contacts, clients);
        System.err.printf("simulate: raw _bulk reference: %d signals (%d documents) in %.1f s (%.0f signals/s)%n",
                raw.signals(), raw.documents(), raw.seconds(), raw.signals() / raw.seconds());
        return Math.round(raw.signals() / raw.seconds());
    }

    /** Posts the contacts in batches of 1,000 from {@code clients} threads; returns accepted plus duplicates. */
    static int feed(HttpClient http, String url, String connector, String tenant, String source,
            List<ContactStream.Contact> contacts, int clients, JsonMapper json) throws Exception {
        List<List<ContactStream.Contact>> batches = new ArrayList<>();
        for (int from = 0; from < contacts.size(); from += 1000) {
            batches.add(contacts.subList(from, Math.min(from + 1000, contacts.size())));
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
        List<java.util.concurrent.Callable<Void>> workers = new ArrayList<>();
        for (int w = 0; w < clients; w++) {
            workers.add(() -> {
                for (int b = next.getAndIncrement(); b < batches.size(); b = next.getAndIncrement()) {
                    accepted.addAndGet(post(http, url, connector, tenant, source, batches.get(b), json));
                }
                return null;
            });
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        try {
            for (var f : pool.invokeAll(workers)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return accepted.get();
    }

    static int post(HttpClient http, String url, String connector, String tenant, String source,
            List<ContactStream.Contact> contacts, JsonMapper json) throws Exception {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (ContactStream.Contact c : contacts) {
            batch.add(c.asSignal(source, tenant));
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/signals"))
                .header("Authorization", connector).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("signals", batch))))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST /api/v1/signals answered " + response.statusCode() + ": "
                    + response.body());
        }
        JsonNode result = json.readTree(response.body());
        if (result.get("rejected").asInt() > 0) {
            System.err.println("simulate: rejected items: " + result.get("results"));
        }
        return result.get("accepted").asInt() + result.get("duplicates").asInt();
    }

    static String basic(String user, String password) {
        if (user == null || password == null) {
            throw new IllegalArgumentException("give --user/--password (and --analyst-user/--analyst-password "
                    + "for --evaluate), or DUIDING_SIM_USER/DUIDING_SIM_PASSWORD");
        }
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> parse(String[] args) throws IOException {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String key = args[i].substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                map.put(key, args[++i]);
            } else {
                map.put(key, "true");
            }
        }
        return map;
    }
}
