package nl.duiding.kb.matching;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import nl.duiding.kb.content.ContentProperties;
import nl.duiding.kb.narrative.PublishedNarratives;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One-shot command-line modes of kb-service for matching: {@code --duiding.tool=evaluate --duiding.tool.files=a,b}
 * and {@code --duiding.tool=calibrate --duiding.tool.output=file}. Run by scripts/eval-match.sh and
 * scripts/calibrate-match.sh after the content is imported; the process exits when done.
 */
@Component
@Order(100)
@ConditionalOnProperty("duiding.tool")
class MatchTools implements ApplicationRunner {

    private final MatchEvaluation evaluation;
    private final Matcher matcher;
    private final MatchBenchmark benchmark;
    private final PublishedNarratives published;
    private final ContentProperties content;
    private final CalibrationTrainer trainer;
    private final CalibrationHolder calibration;
    private final MatchProperties properties;
    private final ConfigurableApplicationContext context;
    private final JsonMapper json;
    private final ClaimLanguageCache claimLanguage;

    MatchTools(MatchEvaluation evaluation, Matcher matcher, MatchBenchmark benchmark, PublishedNarratives published,
            ContentProperties content, CalibrationTrainer trainer, CalibrationHolder calibration,
            MatchProperties properties, ConfigurableApplicationContext context, JsonMapper json,
            ClaimLanguageCache claimLanguage) {
        this.claimLanguage = claimLanguage;
        this.evaluation = evaluation;
        this.matcher = matcher;
        this.benchmark = benchmark;
        this.published = published;
        this.content = content;
        this.trainer = trainer;
        this.calibration = calibration;
        this.properties = properties;
        this.context = context;
        this.json = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
    }

    @Override
    public void run(ApplicationArguments args) throws IOException, InterruptedException {
        String tool = context.getEnvironment().getProperty("duiding.tool", "");
        String output = context.getEnvironment().getProperty("duiding.tool.output");
        // Every tool measures on the claim language of the whole imported index, not on one built half-way.
        claimLanguage.awaitRebuilds();
        int status = switch (tool) {
            case "evaluate" -> evaluate(context.getEnvironment().getProperty("duiding.tool.files", ""), output);
            case "calibrate" -> calibrate(context.getEnvironment().getProperty("duiding.tool.files",
                    "eval/match-train.jsonl"), output);
            case "samples" -> samples(context.getEnvironment().getProperty("duiding.tool.files", ""), output);
            case "explain" -> explain(context.getEnvironment().getProperty("duiding.tool.text", ""));
            case "synthesize" -> synthesize(output,
                    Integer.parseInt(context.getEnvironment().getProperty("duiding.tool.count", "956")));
            case "benchmark" -> benchmark(context.getEnvironment().getProperty("duiding.tool.files", ""), output);
            default -> {
                System.err.println("Unknown duiding.tool '" + tool
                        + "': use evaluate, calibrate, samples, explain, synthesize or benchmark");
                yield 2;
            }
        };
        System.exit(SpringApplication.exit(context, () -> status));
    }

    private int evaluate(String files, String output) throws IOException {
        List<MatchEvaluation.Report> reports = new ArrayList<>();
        for (String file : files.split(",")) {
            if (file.isBlank()) {
                continue;
            }
            MatchEvaluation.Report report = evaluation.evaluate(Path.of(file.strip()));
            reports.add(report);
            print(report);
        }
        if (output != null) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("date", LocalDate.now().toString());
            document.put("thresholds", Map.of("minScore", properties.minScore(),
                    "longTextMinScore", properties.longTextMinScore(),
                    "middleConfidence", properties.middleConfidence(), "highConfidence", properties.highConfidence()));
            document.put("calibration", calibration.get().fitted());
            document.put("reports", reports);
            Files.writeString(Path.of(output), json.writeValueAsString(document));
        }
        return reports.isEmpty() ? 2 : 0;
    }

    private static void print(MatchEvaluation.Report report) {
        var ours = report.duiding();
        var base = report.baseline();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n== %s: %d lines expecting a match, %d expecting none%n",
                report.file(), ours.positives(), ours.negatives()));
        out.append(String.format(Locale.ROOT, "%-22s %10s %10s%n", "", "duiding", "baseline"));
        row(out, "top-1 accuracy", ours.top1(), base.top1());
        row(out, "recall@3", ours.recallAt3(), base.recallAt3());
        row(out, "MRR", ours.mrr(), base.mrr());
        row(out, "false-match rate", ours.falseMatchRate(), base.falseMatchRate());
        row(out, "top-1 over all lines", ours.top1AllLines(), base.top1AllLines());
        out.append(String.format(Locale.ROOT, "%-22s %10.1f %10.1f%n", "latency p50 (ms)", ours.p50Millis(),
                base.p50Millis()));
        out.append(String.format(Locale.ROOT, "%-22s %10.1f %10.1f%n", "latency p95 (ms)", ours.p95Millis(),
                base.p95Millis()));
        out.append(String.format(Locale.ROOT, "%-22s %10.1f %10.1f%n", "latency p99 (ms)", ours.p99Millis(),
                base.p99Millis()));
        out.append("misses:\n");
        report.misses().forEach(miss -> out.append("  ").append(miss).append('\n'));
        System.out.print(out);
    }

    private static void row(StringBuilder out, String name, double ours, double base) {
        out.append(String.format(Locale.ROOT, "%-22s %10.3f %10.3f%n", name, ours, base));
    }

    private int synthesize(String output, int count) throws IOException {
        List<String> words = new ArrayList<>();
        published.all().forEach(r -> words.addAll(r.narrative().triggers()));
        OrdinaryQuestions.load(content.analysisDir().resolve("ordinary-questions.txt")).questions()
                .forEach(q -> words.add(q.text()));
        int written = SyntheticNarratives.write(Path.of(output), words, count, 20261126L);
        System.out.println("Wrote " + written + " synthetic narratives to " + output);
        return 0;
    }

    private int benchmark(String files, String output) throws IOException, InterruptedException {
        List<String> texts = new ArrayList<>();
        for (String file : files.split(",")) {
            if (!file.isBlank()) {
                EvaluationCase.read(Path.of(file.strip()), json).forEach(c -> texts.add(c.text()));
            }
        }
        var env = context.getEnvironment();
        URI url = URI.create("http://127.0.0.1:" + env.getProperty("local.server.port")
                + "/api/v1/match");
        int clients = Integer.parseInt(env.getProperty("duiding.tool.clients", "20"));
        Duration warmUp = Duration.ofSeconds(Long.parseLong(env.getProperty("duiding.tool.warm-up-seconds", "10")));
        Duration measure = Duration.ofSeconds(Long.parseLong(env.getProperty("duiding.tool.seconds", "30")));
        String user = env.getProperty("duiding.tool.user", "connector");
        String password = env.getProperty("duiding.tool.password", "");
        System.out.printf(Locale.ROOT, "%d narratives published, %d texts, %d clients%n", published.all().size(),
                texts.size(), clients);
        List<MatchBenchmark.Result> results = new ArrayList<>();
        for (MatchBenchmark.Arrivals arrivals : MatchBenchmark.Arrivals.values()) {
            Duration pacing = Duration.ofMillis(arrivals == MatchBenchmark.Arrivals.BACK_TO_BACK ? 0 : 1000);
            MatchBenchmark.Result result = benchmark.run(url, user, password, texts, clients, warmUp, measure,
                    arrivals, pacing);
            results.add(result);
            print(result);
        }
        if (output != null) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("date", LocalDate.now().toString());
            document.put("narratives", published.all().size());
            document.put("texts", texts.size());
            document.put("processors", Runtime.getRuntime().availableProcessors());
            document.put("results", results);
            Files.writeString(Path.of(output), json.writeValueAsString(document) + "\n");
        }
        return 0;
    }

    private static void print(MatchBenchmark.Result result) {
        var m = result.match();
        var r = result.rawElasticsearch();
        System.out.printf(Locale.ROOT, "%n%d clients, %s%n", result.clients(), switch (result.arrivals()) {
            case BACK_TO_BACK -> "back to back";
            case LOCK_STEP -> "all at once, one request each per " + result.pacingMillis() + " ms";
            case INDEPENDENT -> "each on its own, one request per " + result.pacingMillis() + " ms on average";
        });
        System.out.printf(Locale.ROOT, "%-34s %10s %10s %10s %10s %8s%n", "", "req/s", "p50 ms", "p95 ms", "p99 ms",
                "errors");
        System.out.printf(Locale.ROOT, "%-34s %10.1f %10.1f %10.1f %10.1f %8d%n", "/match, server-side", m.perSecond(),
                m.serverP50(), m.serverP95(), m.serverP99(), m.errors());
        System.out.printf(Locale.ROOT, "%-34s %10.1f %10.1f %10.1f %10.1f %8d%n", "/match, at the client",
                m.perSecond(), m.clientP50(), m.clientP95(), m.clientP99(), m.errors());
        System.out.printf(Locale.ROOT, "%-34s %10.1f %10.1f %10.1f %10.1f %8d%n", "raw Elasticsearch query",
                r.perSecond(), r.clientP50(), r.clientP95(), r.clientP99(), r.errors());
        System.out.printf(Locale.ROOT, "%-34s %10s %10.1f %10.1f %10.1f%n", "ratio server-side / raw", "",
                m.serverP50() / r.clientP50(), m.serverP95() / r.clientP95(), m.serverP99() / r.clientP99());
    }

    /**
     * Every window's features per retrieved narrative, one CSV line each, for studying the calibration offline
     * (docs/matching.md, "Recalibrating"): file, text, windows, window, narrative, whether the text is about it,
     * the number of expected narratives, then the model's inputs in the calibration's order.
     */
    private int samples(String files, String output) throws IOException {
        StringBuilder out = new StringBuilder("file,text,windows,window,narrative,expected,expectedCount,")
                .append(String.join(",", calibration.get().features())).append('\n');
        for (String file : files.split(",")) {
            List<EvaluationCase> cases = EvaluationCase.read(Path.of(file.strip()), json);
            for (int c = 0; c < cases.size(); c++) {
                EvaluationCase text = cases.get(c);
                List<Matcher.Window> windows = matcher.read(text.text(), Set.of("nationaal"), Set.of()).windows();
                for (int w = 0; w < windows.size(); w++) {
                    for (var scored : windows.get(w).scored().entrySet()) {
                        String slug = scored.getKey().substring(scored.getKey().indexOf('|') + 1);
                        out.append(file.strip()).append(',').append(c).append(',').append(windows.size())
                                .append(',').append(w).append(',').append(scored.getKey()).append(',')
                                .append(text.expected().contains(slug) ? 1 : 0).append(',')
                                .append(text.expected().size());
                        for (double value : scored.getValue().features().vector()) {
                            out.append(',').append(value);
                        }
                        out.append('\n');
                    }
                }
            }
        }
        Files.writeString(Path.of(output), out);
        return 0;
    }

    private int explain(String text) {
        Matcher.Reading reading = matcher.read(text, Set.of("nationaal"),
                Set.of(context.getEnvironment().getProperty("duiding.tool.exclude", "-")));
        for (Matcher.Window window : reading.windows()) {
            System.out.println("window: " + window.terms().text());
            window.terms().positions().forEach(p -> System.out.printf(Locale.ROOT, "  %3d %-40s %.2f%n", p.index(),
                    p.tokens(), p.weight()));
            window.scored().entrySet().stream()
                    .sorted((a, b) -> Double.compare(calibration.get().probability(b.getValue().features()),
                            calibration.get().probability(a.getValue().features())))
                    .limit(8)
                    .forEach(e -> System.out.printf(Locale.ROOT, "  %.3f %s %s%n",
                            calibration.get().probability(e.getValue().features()), e.getKey(), e.getValue().features()));
        }
        // The scores /match compares with its thresholds: for a long letter the long-text stage's, not a window's.
        List<Matcher.Found> found = matcher.score(reading);
        boolean longText = reading.longText();
        System.out.printf(Locale.ROOT, "text (%s, threshold %.2f):%n", longText ? "long letter" : "short",
                longText ? properties.longTextMinScore() : properties.minScore());
        found.stream().limit(8).forEach(f -> System.out.printf(Locale.ROOT, "  %.3f %s%n", f.score(), f.group()));
        return 0;
    }

    private int calibrate(String trainingFiles, String output) throws IOException {
        CalibrationTrainer.Result result = trainer.fit(Arrays.stream(trainingFiles.split(","))
                .map(String::strip).filter(f -> !f.isEmpty()).map(Path::of).toList());
        print("Short texts", result.shortTexts());
        if (result.longTexts() != null) {
            print("Long texts (" + properties.longTextWindows() + " windows or more), scored by the long-text stage",
                    result.longTexts());
        }
        String target = output == null ? "kb-service/src/main/resources/matching/calibration.json" : output;
        Files.writeString(Path.of(target), json.writeValueAsString(result.calibration()) + "\n");
        System.out.println("Calibration written to " + target);
        return 0;
    }

    private static void print(String title, CalibrationTrainer.Table table) {
        System.out.printf(Locale.ROOT, "%n%s: %d texts%n", title, table.texts());
        System.out.println("           fitted on these texts                   5-fold cross-validated");
        System.out.println("threshold  right-first  recall@3  no-match-shown  right-first  recall@3  no-match-shown");
        for (int i = 0; i < table.thresholds().size(); i++) {
            var in = table.thresholds().get(i);
            var cv = table.crossValidated().get(i);
            System.out.printf(Locale.ROOT, "%9.2f  %11.3f  %8.3f  %14.3f  %11.3f  %8.3f  %14.3f%n", in.threshold(),
                    in.top1Found(), in.recallAt3(), in.falseMatchRate(), cv.top1Found(), cv.recallAt3(),
                    cv.falseMatchRate());
        }
    }
}
