package nl.duiding.kb.matching;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

import nl.duiding.kb.narrative.TenantCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fits the matching calibration on a training set of labelled texts (eval/match-train.jsonl), never on the sets
 * results are reported on. Every narrative retrieved for a text becomes a sample, labelled by whether the text is
 * about it; for long texts the narrative's best window counts. Windows are first chosen by a simple evidence sum,
 * then once more by the first model, and the model refitted.
 */
@Component
class CalibrationTrainer {

    private static final Logger log = LoggerFactory.getLogger(CalibrationTrainer.class);
    private static final double RIDGE = 1.0;
    private static final int ROUNDS = 2;
    private static final int FOLDS = 5;
    private static final Set<String> NATIONAL = Set.of(TenantCode.NATIONAL.value());

    private final Matcher matcher;
    private final JsonMapper json;
    private final TextEmbedder embedder;

    CalibrationTrainer(Matcher matcher, JsonMapper json, TextEmbedder embedder) {
        this.matcher = matcher;
        this.json = json;
        this.embedder = embedder;
    }

    Result fit(Path trainingFile) {
        List<EvaluationCase> cases = EvaluationCase.read(trainingFile, json);
        log.info("Fitting the calibration on {} labelled texts from {}", cases.size(), trainingFile);
        List<List<Matcher.Window>> windows = cases.stream()
                .map(c -> matcher.windows(c.text(), NATIONAL, Set.of()))
                .toList();

        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            all.add(i);
        }
        List<String> names = Features.names(embedder.enabled());
        Fit fit = fit(cases, windows, all, names);
        List<List<Candidate>> perCase = fit.perCase();
        LogisticRegression.Model model = fit.model();

        // Cross-validated table: each text scored by a model that did not see it (an honest view of thresholds).
        List<List<Candidate>> heldOut = new ArrayList<>(Collections.nCopies(cases.size(), List.of()));
        List<Calibration> heldOutModels = new ArrayList<>(Collections.nCopies(cases.size(), null));
        for (int fold = 0; fold < FOLDS; fold++) {
            int f = fold;
            List<Integer> training = all.stream().filter(i -> i % FOLDS != f).toList();
            Fit foldFit = fit(cases, windows, training, names);
            for (int i = fold; i < cases.size(); i += FOLDS) {
                List<List<Candidate>> one = candidates(List.of(cases.get(i)), List.of(windows.get(i)),
                        foldFit.calibration());
                heldOut.set(i, one.getFirst());
                heldOutModels.set(i, foldFit.calibration());
            }
        }
        Map<String, Object> fitted = new LinkedHashMap<>();
        fitted.put("by", "scripts/calibrate-match.sh");
        fitted.put("trainingSet", trainingFile.toString());
        fitted.put("texts", cases.size());
        fitted.put("samples", perCase.stream().mapToInt(List::size).sum());
        fitted.put("positives", perCase.stream().flatMap(List::stream).filter(Candidate::positive).count());
        fitted.put("ridge", RIDGE);
        fitted.put("newtonIterations", model.iterations());
        if (embedder.enabled()) {
            fitted.put(Calibration.EMBEDDING_MODEL, embedder.modelId());
        }
        Calibration calibration = new Calibration(names, model.mean(), model.scale(), model.weights(),
                model.bias(), fitted);
        return new Result(calibration, thresholdTable(i -> calibration, cases, perCase),
                thresholdTable(heldOutModels::get, cases, heldOut));
    }

    /** Fits on the given texts: windows first chosen by evidence, then by the first model, then refitted. */
    private static Fit fit(List<EvaluationCase> cases, List<List<Matcher.Window>> windows, List<Integer> indices,
            List<String> names) {
        List<EvaluationCase> subset = indices.stream().map(cases::get).toList();
        List<List<Matcher.Window>> subsetWindows = indices.stream().map(windows::get).toList();
        Calibration calibration = null;
        List<List<Candidate>> perCase = List.of();
        LogisticRegression.Model model = null;
        for (int round = 0; round < ROUNDS; round++) {
            perCase = candidates(subset, subsetWindows, calibration);
            List<LogisticRegression.Sample> samples = new ArrayList<>();
            perCase.forEach(list -> list.forEach(c -> samples.add(new LogisticRegression.Sample(c.x(), c.positive()))));
            model = LogisticRegression.fit(samples, RIDGE);
            calibration = new Calibration(names, model.mean(), model.scale(), model.weights(), model.bias(),
                    Map.of());
        }
        return new Fit(model, calibration, perCase);
    }

    private record Fit(LogisticRegression.Model model, Calibration calibration, List<List<Candidate>> perCase) {
    }

    /** One sample per retrieved narrative and text, from the narrative's best window under {@code model}. */
    private static List<List<Candidate>> candidates(List<EvaluationCase> cases, List<List<Matcher.Window>> windows,
            Calibration model) {
        List<List<Candidate>> perCase = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Map<String, double[]> best = new HashMap<>();
            Map<String, Double> bestValue = new HashMap<>();
            for (Matcher.Window window : windows.get(i)) {
                window.scored().forEach((group, scored) -> {
                    double[] x = scored.features().vector();
                    double value = model == null ? evidence(scored.features()) : model.probability(x);
                    if (value > bestValue.getOrDefault(group, -1.0)) {
                        bestValue.put(group, value);
                        best.put(group, x);
                    }
                });
            }
            List<String> expected = cases.get(i).expected().stream().map(slug -> "nationaal|" + slug).toList();
            List<Candidate> candidates = new ArrayList<>();
            best.forEach((group, x) -> candidates.add(new Candidate(group, x, expected.contains(group))));
            perCase.add(candidates);
        }
        return perCase;
    }

    private static double evidence(Features f) {
        return f.classShare() + f.classCoverage() + f.phrasingCoverage();
    }

    /**
     * Per threshold: share of texts whose best narrative is right and shown, recall@3 (share of the expected
     * narratives among the first three shown, as {@code scripts/eval-match.sh} counts it), and share of no-match
     * texts shown one.
     */
    private static List<ThresholdRow> thresholdTable(IntFunction<Calibration> calibrationOf,
            List<EvaluationCase> cases, List<List<Candidate>> perCase) {
        // Every text's candidates scored and ranked once; a threshold only cuts each ranking.
        List<List<Scored>> ranked = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Calibration calibration = calibrationOf.apply(i);
            ranked.add(perCase.get(i).stream()
                    .map(c -> new Scored(c, calibration.probability(c.x())))
                    .sorted(Comparator.comparingDouble(Scored::probability).reversed())
                    .toList());
        }
        List<ThresholdRow> rows = new ArrayList<>();
        for (int step = 4; step <= 18; step++) {
            double threshold = step * 0.05;
            int positives = 0;
            int found = 0;
            double recalled = 0;
            int negatives = 0;
            int falseMatches = 0;
            for (int i = 0; i < cases.size(); i++) {
                List<Candidate> shown = ranked.get(i).stream()
                        .takeWhile(s -> s.probability() >= threshold)
                        .limit(3)
                        .map(Scored::candidate)
                        .toList();
                if (cases.get(i).expectsMatch()) {
                    positives++;
                    found += !shown.isEmpty() && shown.getFirst().positive() ? 1 : 0;
                    recalled += shown.stream().filter(Candidate::positive).count()
                            / (double) cases.get(i).expected().size();
                } else {
                    negatives++;
                    falseMatches += shown.isEmpty() ? 0 : 1;
                }
            }
            rows.add(new ThresholdRow(threshold, ratio(found, positives), ratio(recalled, positives),
                    ratio(falseMatches, negatives)));
        }
        return rows;
    }

    private static double ratio(double count, int total) {
        return total == 0 ? 0 : count / total;
    }

    record Candidate(String group, double[] x, boolean positive) {
    }

    private record Scored(Candidate candidate, double probability) {
    }

    record ThresholdRow(double threshold, double top1Found, double recallAt3, double falseMatchRate) {
    }

    /** The fitted calibration, its thresholds on the texts it was fitted on, and cross-validated. */
    record Result(Calibration calibration, List<ThresholdRow> thresholds, List<ThresholdRow> crossValidated) {
    }
}
