package nl.duiding.kb.matching;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finds the narratives a text is about: retrieve candidates per window, measure how well each narrative covers the
 * text (and how well an ordinary KCC topic does), turn that into a calibrated probability and keep the best window
 * per narrative.
 */
@Component
class Matcher {

    private static final Logger log = LoggerFactory.getLogger(Matcher.class);

    private final MatchSearch search;
    private final MatchProperties properties;
    private final CalibrationHolder calibration;
    private final TermVectorCache cache;
    private final Spelling spelling;
    private final ClaimLanguageCache claimLanguage;
    private final TextEmbedder embedder;

    Matcher(MatchSearch search, MatchProperties properties, CalibrationHolder calibration, TermVectorCache cache,
            Spelling spelling, ClaimLanguageCache claimLanguage, TextEmbedder embedder) {
        this.embedder = embedder;
        this.cache = cache;
        this.claimLanguage = claimLanguage;
        this.spelling = spelling;
        this.search = search;
        this.properties = properties;
        this.calibration = calibration;
    }

    /** Every narrative with any evidence, best first, with its calibrated score; no threshold applied. */
    List<Found> score(String text, Set<String> tenants) {
        return score(read(text, tenants, Set.of()));
    }

    /** The same for a text already read, so that a caller that shows its windows does not search them twice. */
    List<Found> score(Reading reading) {
        Calibration model = calibration.get();
        BestWindows<Found> windows = new BestWindows<>();
        for (Window window : reading.windows()) {
            window.scored().forEach((group, scored) -> {
                double probability = model.probability(scored.features());
                windows.offer(group, probability, new Found(group, probability, window.terms(), scored,
                        reading.longText()));
            });
        }
        return windows.best().values().stream()
                .map(f -> new Found(f.group(), model.textScore(f.score(), f.scored().features(),
                        windows.second(f.group()), f.longText()), f.window(), f.scored(), f.longText()))
                .sorted(Comparator.comparingDouble(Found::score).reversed())
                .toList();
    }

    /** The text's windows as the search sees them: split, analysed and with their misspelt words corrected. */
    List<QueryTerms> analyse(String text) {
        return analyseWindows(windowTexts(text));
    }

    /** The text's windows, as matching splits it: for a long text, with its bridges. */
    List<String> windowTexts(String text) {
        return split(text).windows();
    }

    private Split split(String text) {
        List<String> windows = TextWindows.split(text, properties.windowWords(), properties.maxWindows());
        return windows.size() >= properties.longTextWindows()
                ? new Split(TextWindows.withBridges(windows), true)
                : new Split(windows, false);
    }

    private record Split(List<String> windows, boolean longText) {
    }

    private List<QueryTerms> analyseWindows(List<String> windows) {
        return spelling.correct(search.analyse(windows));
    }

    /** Per window, the features of every retrieved narrative; {@code excludeIds} hides documents (for fitting). */
    Reading read(String text, Set<String> tenants, Set<String> excludeIds) {
        long start = System.nanoTime();
        Split texts = split(text);
        List<String> split = texts.windows();
        boolean embedEvery = embedder.enabled() && split.size() <= embedder.maxWindows();
        // The windows are embedded and their nearest phrasings searched while the words are analysed and searched.
        CompletableFuture<List<List<MatchSearch.Candidate>>> nearest = embedEvery
                ? neighbours(split, tenants, excludeIds)
                : CompletableFuture.completedFuture(null);
        List<QueryTerms> analysed = analyseWindows(split);
        if (embedder.enabled() && !embedEvery) {
            nearest = neighboursOfClaimWindows(split, analysed, tenants, excludeIds);
        }
        long analysedAt = System.nanoTime();
        List<List<MatchSearch.Candidate>> candidates = search.candidates(analysed, tenants, excludeIds,
                properties.candidates());
        long searched = System.nanoTime();
        Set<String> ids = new LinkedHashSet<>();
        Set<String> phrasings = new HashSet<>();
        candidates.forEach(list -> list.forEach(c -> {
            ids.add(c.id());
            if (!c.isClass()) {
                phrasings.add(c.id());
            }
        }));
        List<String> cueIds = List.of(Cues.documentId(Cues.CLAIM), Cues.documentId(Cues.PROCEDURE));
        ids.addAll(cueIds);
        Map<String, Map<String, Double>> terms = cache.get(ids, missing -> search.termsOf(missing, phrasings));
        long termsRead = System.nanoTime();
        Map<String, Set<String>> cues = Map.of(
                Cues.CLAIM, terms.getOrDefault(cueIds.get(0), Map.of()).keySet(),
                Cues.PROCEDURE, terms.getOrDefault(cueIds.get(1), Map.of()).keySet());
        ClaimLanguage language = claimLanguage.get();
        long waitFrom = System.nanoTime();
        List<List<MatchSearch.Candidate>> neighbours = joined(nearest);
        long waited = System.nanoTime() - waitFrom;

        List<Window> windows = new ArrayList<>();
        for (int i = 0; i < analysed.size(); i++) {
            QueryTerms query = analysed.get(i);
            List<DocTerms> docs = candidates.get(i).stream()
                    .filter(c -> terms.containsKey(c.id()))
                    .map(c -> new DocTerms(c.id(), c.doc().kind(), c.group(), c.doc().text(), c.score(),
                            terms.get(c.id())))
                    .toList();
            windows.add(new Window(query, FeatureExtractor.extract(query, docs, cues, language,
                    neighbours == null ? null : neighbours.get(i))));
        }
        if (log.isDebugEnabled()) {
            log.debug("matched {} window(s), {} documents: analysis {} ms, search {} ms, term vectors {} ms, "
                    + "then waited {} ms for the neighbours, features {} ms", analysed.size(), ids.size(),
                    (analysedAt - start) / 1_000_000, (searched - analysedAt) / 1_000_000,
                    (termsRead - searched) / 1_000_000, waited / 1_000_000,
                    (System.nanoTime() - termsRead - waited) / 1_000_000);
        }
        return new Reading(windows, texts.longText());
    }

    private CompletableFuture<List<List<MatchSearch.Candidate>>> neighbours(List<String> windows, Set<String> tenants,
            Set<String> excludeIds) {
        return embedder.queriesAsync(windows).thenCompose(vectors -> search.neighbours(vectors, tenants, excludeIds,
                embedder.neighbours()));
    }

    /**
     * For a text of more windows than the model may embed (a long letter: about 5 ms of CPU a window with the small
     * model), only the windows whose words lean most to the narratives' language; the others get no neighbours.
     */
    private CompletableFuture<List<List<MatchSearch.Candidate>>> neighboursOfClaimWindows(List<String> windows,
            List<QueryTerms> analysed, Set<String> tenants, Set<String> excludeIds) {
        ClaimLanguage language = claimLanguage.get();
        List<Integer> chosen = IntStream.range(0, analysed.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> language.of(analysed.get(i).tokens())).reversed())
                .limit(embedder.maxWindows())
                .sorted()
                .toList();
        return neighbours(chosen.stream().map(windows::get).toList(), tenants, excludeIds).thenApply(found -> {
            List<List<MatchSearch.Candidate>> all = new ArrayList<>(Collections.nCopies(windows.size(), List.of()));
            for (int c = 0; c < chosen.size(); c++) {
                all.set(chosen.get(c), found.get(c));
            }
            return all;
        });
    }

    /** The neighbour search's result; its failure as the search's own exception, as the word search reports it. */
    private static <T> T joined(CompletableFuture<T> pending) {
        try {
            return pending.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    record Window(QueryTerms terms, Map<String, FeatureExtractor.Scored> scored) {
    }

    /** A text as matching read it: its windows, and whether it is a long letter ({@code long-text-windows}). */
    record Reading(List<Window> windows, boolean longText) {
    }

    /** A narrative ({@code tenant|slug}) with its best window, in a long letter or a short text. */
    record Found(String group, double score, QueryTerms window, FeatureExtractor.Scored scored, boolean longText) {

        String tenant() {
            return group.substring(0, group.indexOf('|'));
        }

        String slug() {
            return group.substring(group.indexOf('|') + 1);
        }
    }
}
