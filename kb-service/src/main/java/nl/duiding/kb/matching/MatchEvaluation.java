package nl.duiding.kb.matching;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import nl.duiding.kb.narrative.TenantCode;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs evaluation sets through the real match path and through the baseline, and reports the figures side by side
 * ({@code scripts/eval-match.sh}).
 */
@Component
class MatchEvaluation {

    private static final int WARM_UP = 30;

    private final MatchService service;
    private final Matcher matcher;
    private final BaselineMatcher baseline;
    private final JsonMapper json;

    MatchEvaluation(MatchService service, Matcher matcher, BaselineMatcher baseline, JsonMapper json) {
        this.service = service;
        this.matcher = matcher;
        this.baseline = baseline;
        this.json = json;
    }

    Report evaluate(Path file) {
        List<EvaluationCase> cases = EvaluationCase.read(file, json);
        // Warm the JVM and Elasticsearch's caches so latency reflects steady state, not class loading.
        cases.stream().limit(WARM_UP).forEach(c -> {
            duiding(c.text());
            baseline.match(c.text());
        });
        EvaluationScore ours = new EvaluationScore();
        EvaluationScore plain = new EvaluationScore();
        for (EvaluationCase testCase : cases) {
            long start = System.nanoTime();
            List<String> ranked = duiding(testCase.text());
            ours.add(testCase, ranked, System.nanoTime() - start, () -> scores(testCase.text()));
            start = System.nanoTime();
            List<String> baselineRanked = baseline.match(testCase.text());
            plain.add(testCase, baselineRanked, System.nanoTime() - start);
        }
        return new Report(file.toString(), ours.figures(), plain.figures(), ours.misses());
    }

    private List<String> duiding(String text) {
        List<String> slugs = new ArrayList<>();
        service.match(text, ContactChannel.TELEFOON, TenantCode.NATIONAL).matches().forEach(m -> slugs.add(m.slug()));
        return slugs;
    }

    /** The three best narratives' scores, whether shown or not, as " (scores: slug 0.42, …)". */
    private String scores(String text) {
        return matcher.score(text, Set.of(TenantCode.NATIONAL.value())).stream()
                .limit(3)
                .map(f -> String.format(Locale.ROOT, "%s %.2f", f.slug(), f.score()))
                .collect(Collectors.joining(", ", " (scores: ", ")"));
    }

    record Report(String file, EvaluationScore.Figures duiding, EvaluationScore.Figures baseline,
            List<String> misses) {
    }
}
