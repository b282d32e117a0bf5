package nl.duiding.kb.matching;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

import nl.duiding.kb.narrative.TenantCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fits the matching calibration on training sets of labelled texts (eval/match-train.jsonl and
 * eval/match-train-long.jsonl), never on the sets results are reported on. Every narrative retrieved for a text
 * becomes a sample, labelled by whether the text is about it; for long texts the narrative's best window counts.
 * Windows are first chosen by a simple evidence sum, then once more by the first model, and the model refitted.
 * That model is fitted on the short texts only; the long letters ({@code long-text-windows} and more) get a second
 * stage of their own ({@link LongTextCalibration}), fitted on them alone, so that what long ordinary letters teach
 * does not change how short texts are scored.
 */
@Component
class CalibrationTrainer {

    private static final Logger log = LoggerFactory.getLogger(CalibrationTrainer.class);
    private static final double RIDGE = 1.0;
    private static final int ROUNDS = 2;
    private static final int FOLDS = 5;
    /** Fewer long letters than this (or no letter of either kind among them) fit no long-text stage. */
    private static final int MIN_LONG_TEXTS = 20;
    private static final Set<String> NATIONAL = Set.of(TenantCode.NATIONAL.value());

    private final Matcher matcher;
    private final JsonMapper json;
    private final TextEmbedder embedder;
    private final MatchProperties properties;

    CalibrationTrainer(Matcher matcher, JsonMapper json, TextEmbedder embedder, MatchProperties properties) {
        this.matcher = matcher;
        this.json = json;
        this.embedder = embedder;
        this.properties = properties;
    }

    Result fit(List<Path> trainingFiles) {
        List<EvaluationCase> cases = new ArrayList<>();
        trainingFiles.forEach(file -> cases.addAll(EvaluationCase.read(file, json)));
        log.info("Fitting the calibration on {} labelled texts from {}", cases.size(), trainingFiles);
        List<Matcher.Reading> readings = cases.stream()
                .map(c -> matcher.read(c.text(), NATIONAL, Set.of()))
                .toList();
        List<List<Matcher.Window>> windows = readings.stream().map(Matcher.Reading::windows).toList();

        List<Integer> shortTexts = new ArrayList<>();
        List<Integer> longTexts = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            (readings.get(i).longText() ? longTexts : shortTexts).add(i);
        }
        List<String> names = Features.names(embedder.enabled());
        Fit fit = fit(cases, windows, shortTexts, names);
        List<List<Candidate>> perCase = fit.perCase();
        LogisticRegression.Model model = fit.model();

        // Cross-validated table: each text scored by a model that did not see it (an honest view of thresholds).
        List<List<Candidate>> heldOut = new ArrayList<>(Collections.nCopies(shortTexts.size(), List.of()));
        List<ToDoubleFunction<double[]>> heldOutModels = new ArrayList<>(Collections.nCopies(shortTexts.size(),
                null));
        for (int fold = 0; fold < FOLDS; fold++) {
            int f = fold;
            List<Integer> training = folds(shortTexts, f, false);
            Fit foldFit = fit(cases, windows, training, names);
            for (int k = fold; k < shortTexts.size(); k += FOLDS) {
                int i = shortTexts.get(k);
                heldOut.set(k, candidates(List.of(cases.get(i)), List.of(windows.get(i)), foldFit.calibration())
                        .getFirst());
                heldOutModels.set(k, foldFit.calibration()::probability);
            }
        }
        List<EvaluationCase> shortCases = shortTexts.stream().map(cases::get).toList();
        Map<String, Object> fitted = new LinkedHashMap<>();
        fitted.put("by", "scripts/calibrate-match.sh");
        fitted.put("trainingSet", String.join(", ", trainingFiles.stream().map(Path::toString).toList()));
        fitted.put("texts", shortTexts.size());
        fitted.put("samples", perCase.stream().mapToInt(List::size).sum());
        fitted.put("positives", perCase.stream().flatMap(List::stream).filter(Candidate::positive).count());
        fitted.put("ridge", RIDGE);
        fitted.put("newtonIterations", model.iterations());
        if (embedder.enabled()) {
            fitted.put(Calibration.EMBEDDING_MODEL, embedder.modelId());
        }
        boolean withLongTexts = canFitLongTexts(cases, longTexts);
        if (withLongTexts) {
            fitted.put("longTexts", longTexts.size());
        }
        Calibration calibration = new Calibration(names, model.mean(), model.scale(), model.weights(),
                model.bias(), fitted);
        Table shortTable = new Table(shortTexts.size(),
                thresholdTable(i -> calibration::probability, shortCases, perCase),
                thresholdTable(heldOutModels::get, shortCases, heldOut));
        if (!withLongTexts) {
            log.info("{} long texts: no long-text stage fitted", longTexts.size());
            return new Result(calibration, shortTable, null);
        }
        LongFit longFit = fitLong(cases, windows, longTexts, calibration);
        return new Result(calibration.withLongTexts(longFit.stage()), shortTable, longFit.table());
    }

    private static boolean canFitLongTexts(List<EvaluationCase> cases, List<Integer> longTexts) {
        long withBelief = longTexts.stream().filter(i -> cases.get(i).expectsMatch()).count();
        return longTexts.size() >= MIN_LONG_TEXTS && withBelief > 0 && withBelief < longTexts.size();
    }

    /** The texts of one fold ({@code inFold}), or of all the others. */
    private static List<Integer> folds(List<Integer> texts, int fold, boolean inFold) {
        List<Integer> chosen = new ArrayList<>();
        for (int k = 0; k < texts.size(); k++) {
            if ((k % FOLDS == fold) == inFold) {
                chosen.add(texts.get(k));
            }
        }
        return chosen;
    }

    /**
     * The long-text stage on the short model's best windows of the long letters, with its cross-validated table
     * (the short model never saw a long letter, so only the stage is refitted per fold).
     */
    private LongFit fitLong(List<EvaluationCase> cases, List<List<Matcher.Window>> windows, List<Integer> longTexts,
            Calibration shortModel) {
        List<EvaluationCase> longCases = longTexts.stream().map(cases::get).toList();
        List<List<Candidate>> perCase = candidates(longCases, longTexts.stream().map(windows::get).toList(),
                shortModel).stream()
                .map(list -> list.stream().map(c -> c.asLongText(shortModel)).toList())
                .toList();
        List<Integer> all = IntStream.range(0, longCases.size()).boxed().toList();
        LongTextCalibration stage = fitStage(perCase, all);
        // The stage's inputs do not depend on the fold (the short model is fixed), so only the stage is refitted.
        List<ToDoubleFunction<double[]>> heldOutModels = new ArrayList<>(Collections.nCopies(longCases.size(), null));
        for (int fold = 0; fold < FOLDS; fold++) {
            LongTextCalibration foldStage = fitStage(perCase, folds(all, fold, false));
            for (int k = fold; k < longCases.size(); k += FOLDS) {
                heldOutModels.set(k, foldStage::probability);
            }
        }
        return new LongFit(stage, new Table(longCases.size(), thresholdTable(i -> stage::probability, longCases,
                perCase), thresholdTable(heldOutModels::get, longCases, perCase)));
    }

    private LongTextCalibration fitStage(List<List<Candidate>> perCase, List<Integer> indices) {
        List<LogisticRegression.Sample> samples = new ArrayList<>();
        indices.forEach(i -> perCase.get(i).forEach(c -> samples.add(new LogisticRegression.Sample(c.x(),
                c.positive()))));
        LogisticRegression.Model model = LogisticRegression.fit(samples, RIDGE);
        return new LongTextCalibration(properties.longTextWindows(), model.mean(), model.scale(), model.weights(),
                model.bias());
    }

    private record LongFit(LongTextCalibration stage, Table table) {
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
            BestWindows<Features> best = new BestWindows<>();
            for (Matcher.Window window : windows.get(i)) {
                window.scored().forEach((group, scored) -> best.offer(group, model == null
                        ? evidence(scored.features()) : model.probability(scored.features()), scored.features()));
            }
            List<String> expected = cases.get(i).expected().stream().map(slug -> "nationaal|" + slug).toList();
            List<Candidate> candidates = new ArrayList<>();
            best.best().forEach((group, features) -> candidates.add(new Candidate(group, features.vector(),
                    expected.contains(group), features, best.second(group))));
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
    private static List<ThresholdRow> thresholdTable(IntFunction<ToDoubleFunction<double[]>> scorerOf,
            List<EvaluationCase> cases, List<List<Candidate>> perCase) {
        // Every text's candidates scored and ranked once; a threshold only cuts each ranking.
        List<List<Scored>> ranked = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            ToDoubleFunction<double[]> scorer = scorerOf.apply(i);
            ranked.add(perCase.get(i).stream()
                    .map(c -> new Scored(c, scorer.applyAsDouble(c.x())))
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

    /**
     * A narrative retrieved for a training text, with its best window's inputs and the second-best window's value
     * (a probability once a model chooses the windows).
     */
    record Candidate(String group, double[] x, boolean positive, Features features, double second) {

        /** The same candidate described by the long-text stage's inputs ({@code shortModel} chose its windows). */
        Candidate asLongText(Calibration shortModel) {
            return new Candidate(group, LongTextCalibration.inputs(shortModel.probability(x), features, second),
                    positive, features, second);
        }
    }

    private record Scored(Candidate candidate, double probability) {
    }

    record ThresholdRow(double threshold, double top1Found, double recallAt3, double falseMatchRate) {
    }

    /** Thresholds on the texts a model was fitted on, and cross-validated. */
    record Table(int texts, List<ThresholdRow> thresholds, List<ThresholdRow> crossValidated) {
    }

    /** The fitted calibration with the tables of its short texts and (null without a stage) its long ones. */
    record Result(Calibration calibration, Table shortTexts, Table longTexts) {
    }
}
