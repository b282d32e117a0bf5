package nl.duiding.kb.matching;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import nl.duiding.kb.narrative.TenantCode;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load on {@code POST /api/v1/match} over loopback HTTP from a number of concurrent clients for a bounded time,
 * reading the server-side time from the {@code Server-Timing} header; and, as the reference in the same session, the
 * raw Elasticsearch multi-search that matching issues for the same texts at the same concurrency (with an embedding
 * model also its knn multi-search, on vectors computed before the load: the reference is Elasticsearch's work only).
 */
@Component
class MatchBenchmark {

    private static final Pattern SERVER_TIMING = Pattern.compile("dur=([0-9.]+)");

    private final MatchSearch search;
    private final Matcher matcher;
    private final MatchProperties properties;
    private final JsonMapper json;
    private final TextEmbedder embedder;

    MatchBenchmark(MatchSearch search, Matcher matcher, MatchProperties properties, JsonMapper json,
            TextEmbedder embedder) {
        this.embedder = embedder;
        this.search = search;
        this.matcher = matcher;
        this.properties = properties;
        this.json = json;
    }

    /** When each client sends its next request. */
    enum Arrivals {
        /** As soon as the previous answer is in: throughput, with every client's request always in flight. */
        BACK_TO_BACK,
        /** Once per period, all clients at the same moment: bursts of one request per client, the worst case. */
        LOCK_STEP,
        /**
         * Once per period on average, each client on its own (exponential gaps, as independent agents): the same
         * rate as lock-step without the synchronised bursts.
         */
        INDEPENDENT
    }

    Result run(URI matchUrl, String user, String password, List<String> texts, int clients, Duration warmUp,
            Duration measure, Arrivals arrivals, Duration pacing) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        Load match = load(clients, warmUp, measure, arrivals, pacing, texts, text -> {
            String body = json.writeValueAsString(new MatchRequest(text, "telefoon", TenantCode.NATIONAL.value()));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(matchUrl)
                    .header("Content-Type", "application/json").header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("match answered " + response.statusCode() + ": " + response.body());
            }
            var timing = SERVER_TIMING.matcher(response.headers().firstValue("Server-Timing").orElse(""));
            return timing.find() ? Double.parseDouble(timing.group(1)) : Double.NaN;
        });
        // The same windows as matching: a long letter is analysed and searched window by window there too.
        Set<String> national = Set.of(TenantCode.NATIONAL.value());
        Map<String, List<float[]>> vectors = new HashMap<>();
        if (embedder.enabled()) {
            texts.forEach(text -> vectors.computeIfAbsent(text, t -> embedder.queries(matcher.windowTexts(t))));
        }
        Load raw = load(clients, warmUp, measure, arrivals, pacing, texts, text -> {
            long start = System.nanoTime();
            CompletableFuture<?> nearest = embedder.enabled()
                    ? search.neighbours(vectors.get(text), national, Set.of(), embedder.neighbours())
                    : CompletableFuture.completedFuture(null);
            search.candidates(matcher.analyse(text), national, Set.of(), properties.candidates());
            nearest.join();
            return (System.nanoTime() - start) / 1e6;
        });
        return new Result(clients, arrivals, pacing.toMillis(), match.summary(), raw.summary());
    }

    private Load load(int clients, Duration warmUp, Duration measure, Arrivals arrivals, Duration pacing,
            List<String> texts, Call call) throws InterruptedException {
        Load load = new Load();
        long begin = System.nanoTime();
        long warmUntil = begin + warmUp.toNanos();
        long stopAt = warmUntil + measure.toNanos();
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                Random random = new Random(c);
                executor.submit(() -> {
                    long due = begin + gap(arrivals, pacing, random);
                    while (System.nanoTime() < stopAt) {
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(Duration.ofNanos(wait));
                        }
                        String text = texts.get(Math.floorMod(next.getAndIncrement(), texts.size()));
                        long start = System.nanoTime();
                        try {
                            double server = call.run(text);
                            long end = System.nanoTime();
                            if (start >= warmUntil && end <= stopAt) {
                                load.add((end - start) / 1e6, server);
                            }
                        } catch (Exception e) {
                            load.error();
                        }
                        // A client that fell behind its schedule sends at once, so the rate stays as set.
                        due = Math.max(due, start) + gap(arrivals, pacing, random);
                    }
                    return null;
                });
            }
        }
        load.seconds = measure.toMillis() / 1000.0;
        return load;
    }

    /** Nanoseconds from one request's due time to the next one's (the first from the start). */
    private static long gap(Arrivals arrivals, Duration pacing, Random random) {
        return switch (arrivals) {
            case BACK_TO_BACK -> 0;
            case LOCK_STEP -> pacing.toNanos();
            case INDEPENDENT -> (long) (-Math.log(1 - random.nextDouble()) * pacing.toNanos());
        };
    }

    @FunctionalInterface
    private interface Call {
        double run(String text) throws Exception;
    }

    private static final class Load {
        private final List<Double> client = Collections.synchronizedList(new ArrayList<>());
        private final List<Double> server = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger errors = new AtomicInteger();
        private double seconds;

        void add(double clientMillis, double serverMillis) {
            client.add(clientMillis);
            if (!Double.isNaN(serverMillis)) {
                server.add(serverMillis);
            }
        }

        void error() {
            errors.incrementAndGet();
        }

        Summary summary() {
            List<Double> c = client.stream().sorted().toList();
            List<Double> s = server.stream().sorted().toList();
            return new Summary(c.size(), errors.get(), c.size() / seconds, percentile(s, 0.5), percentile(s, 0.95),
                    percentile(s, 0.99), percentile(c, 0.5), percentile(c, 0.95), percentile(c, 0.99));
        }

        private static double percentile(List<Double> sorted, double p) {
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }
    }

    /** Latency in milliseconds: server-side (Server-Timing) and as the client saw it, and requests per second. */
    record Summary(int requests, int errors, double perSecond, double serverP50, double serverP95, double serverP99,
            double clientP50, double clientP95, double clientP99) {
    }

    record Result(int clients, Arrivals arrivals, long pacingMillis, Summary match, Summary rawElasticsearch) {
    }
}
