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
        if (a.containsKey("dry-run")) {
            for (ContactStream.Contact c : stream.contacts()) {
                System.out.println(json.writeValueAsString(c));
            }
            return;
        }
        String url = a.getOrDefault("url", "http://127.0.0.1:8080");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String connector = basic(a.getOrDefault("user", System.getenv("DUIDING_SIM_USER")),
                a.getOrDefault("password", System.getenv("DUIDING_SIM_PASSWORD")));
        long started = System.nanoTime();
        int accepted = 0;
        for (int from = 0; from < stream.contacts().size(); from += 1000) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (ContactStream.Contact c : stream.contacts().subList(from, Math.min(from + 1000, stream.contacts().size()))) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("source", "simulatie-" + settings.seed());
                item.put("externalId", c.externalId());
                item.put("tenant", tenant);
                item.put("channel", c.channel());
                item.put("occurredAt", c.occurredAt().toString());
                item.put("text", c.text());
                item.put("residentHash", c.residentHash());
                item.put("matchedSlugs", c.matchedSlugs());
                item.put("confirmedSlugs", c.confirmedSlugs());
                batch.add(item);
            }
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/signals"))
                    .header("Authorization", connector).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("signals", batch))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("POST /api/v1/signals answered " + response.statusCode() + ": "
                        + response.body());
            }
            JsonNode result = json.readTree(response.body());
            accepted += result.get("accepted").asInt() + result.get("duplicates").asInt();
            if (result.get("rejected").asInt() > 0) {
                System.err.println("simulate: rejected items: " + result.get("results"));
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.err.printf("simulate: %d signals accepted in %.1f s (%.0f/s)%n", accepted, seconds, accepted / seconds);
        if (!a.containsKey("evaluate")) {
            return;
        }
        Thread.sleep(2000); // one refresh interval and a margin
        String analyst = basic(a.get("analyst-user"), a.get("analyst-password"));
        Map<LocalDate, List<String>> reported = new LinkedHashMap<>();
        Map<String, Object> timings = new HashMap<>();
        long slowest = 0;
        for (int d = 0; d < days; d++) {
            LocalDate day = settings.firstDay().plusDays(d);
            long t0 = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url
                            + "/api/v1/reports/daily/" + day + "?tenant=" + tenant)).header("Authorization", analyst)
                    .timeout(Duration.ofSeconds(120)).GET().build(), HttpResponse.BodyHandlers.ofString());
            slowest = Math.max(slowest, (System.nanoTime() - t0) / 1_000_000);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("report " + day + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            List<String> templates = new ArrayList<>();
            json.readTree(response.body()).get("campaigns").forEach(c -> templates.add(c.get("template").asString()));
            reported.put(day, templates);
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
        out.put("reportedCampaigns", result.reported());
        out.put("falseCampaigns", result.falseCampaigns());
        out.put("falseCampaignsPerWeek", result.falsePerWeek());
        out.put("repeatCallersReportedAsCampaign", result.repeatCallersAsCampaign());
        out.put("repeatCallerDays", stream.injected().stream().filter(i -> i.kind().equals("herhaald")).count());
        out.put("ingestPerSecond", Math.round(accepted / seconds));
        out.putAll(timings);
        out.put("notes", result.notes());
        out.put("measuredAt", Instant.now().toString());
        String text = json.writerWithDefaultPrettyPrinter().writeValueAsString(out);
        System.out.println(text);
        if (a.containsKey("out")) {
            Files.writeString(Path.of(a.get("out")), text + "\n", StandardCharsets.UTF_8);
        }
    }

    private static String basic(String user, String password) {
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
