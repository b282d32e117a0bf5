package nl.duiding.kb.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Finds the narratives a text is about: retrieve candidates per window, measure how well each narrative covers the
 * text (and how well an ordinary KCC topic does), turn that into a calibrated probability and keep the best window
 * per narrative.
 */
@Component
class Matcher {

    private final MatchSearch search;
    private final MatchProperties properties;
    private final CalibrationHolder calibration;

    Matcher(MatchSearch search, MatchProperties properties, CalibrationHolder calibration) {
        this.search = search;
        this.properties = properties;
        this.calibration = calibration;
    }

    /** Every narrative with any evidence, best first, with its calibrated score; no threshold applied. */
    List<Found> score(String text, Set<String> tenants) {
        Calibration model = calibration.get();
        Map<String, Found> best = new HashMap<>();
        for (Window window : windows(text, tenants, Set.of())) {
            window.scored().forEach((group, scored) -> {
                double probability = model.probability(scored.features());
                best.merge(group, new Found(group, probability, window.terms(), scored),
                        (a, b) -> a.score() >= b.score() ? a : b);
            });
        }
        return best.values().stream().sorted(Comparator.comparingDouble(Found::score).reversed()).toList();
    }

    /** Per window, the features of every retrieved narrative; {@code excludeIds} hides documents (for fitting). */
    List<Window> windows(String text, Set<String> tenants, Set<String> excludeIds) {
        List<String> texts = TextWindows.split(text, properties.windowWords(), properties.maxWindows());
        List<List<MatchSearch.Candidate>> candidates = search.candidates(texts, tenants, excludeIds,
                properties.candidates());
        Set<String> ids = new LinkedHashSet<>();
        candidates.forEach(list -> list.forEach(c -> ids.add(c.id())));
        Map<String, Map<String, Double>> terms = search.termsOf(ids);

        List<Window> windows = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            QueryTerms query = search.analyse(texts.get(i));
            List<DocTerms> docs = candidates.get(i).stream()
                    .filter(c -> terms.containsKey(c.id()))
                    .map(c -> new DocTerms(c.id(), c.doc().kind(), c.group(), c.doc().text(), c.score(),
                            terms.get(c.id())))
                    .toList();
            windows.add(new Window(query, FeatureExtractor.extract(query, docs)));
        }
        return windows;
    }

    record Window(QueryTerms terms, Map<String, FeatureExtractor.Scored> scored) {
    }

    /** A narrative ({@code tenant|slug}) with its best window. */
    record Found(String group, double score, QueryTerms window, FeatureExtractor.Scored scored) {

        String tenant() {
            return group.substring(0, group.indexOf('|'));
        }

        String slug() {
            return group.substring(group.indexOf('|') + 1);
        }
    }
}
