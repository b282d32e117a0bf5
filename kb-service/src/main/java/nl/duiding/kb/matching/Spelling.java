package nl.duiding.kb.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SuggestMode;
import co.elastic.clients.elasticsearch.core.search.Suggestion;
import nl.duiding.kb.index.IndexNames;
import org.springframework.stereotype.Component;

/**
 * Corrects misspelt words before the search, so that a typo in a compound or a synonym still brings the parts and
 * synonyms the right spelling has ("asielzoekerscentum" → asielzoeker, centrum, azc). A word is corrected only when
 * no document of the index knows it, the Dutch word list does not know it either (a real word the library happens
 * not to use is not a typo: without the list, Elasticsearch's suggester turns "verdieping" into "verkiezing") and
 * the suggester finds an indexed word within two edits. The position keeps where the resident's word stands, for
 * evidence; it gains the analysed tokens of the correction.
 */
@Component
class Spelling {

    private static final Pattern LETTERS = Pattern.compile("\\p{L}{5,}");
    private static final String SUGGESTER = "typos";

    private final ElasticsearchClient client;
    private final MatchSearch search;
    private final DutchWords dutch;
    private final String index;

    Spelling(ElasticsearchClient client, MatchSearch search, DutchWords dutch, IndexNames names) {
        this.client = client;
        this.search = search;
        this.dutch = dutch;
        this.index = names.alias(MatchIndices.MATCH);
    }

    /** The windows with their misspelt words corrected; unchanged when none is. */
    List<QueryTerms> correct(List<QueryTerms> windows) {
        if (!dutch.available()) {
            return windows;
        }
        Set<String> misspelt = new LinkedHashSet<>();
        windows.forEach(window -> window.positions().stream()
                .filter(p -> !p.known())
                .map(p -> surface(window, p))
                .filter(word -> LETTERS.matcher(word).matches() && !dutch.contains(word))
                .forEach(misspelt::add));
        if (misspelt.isEmpty()) {
            return windows;
        }
        Map<String, String> corrections = suggest(misspelt);
        if (corrections.isEmpty()) {
            return windows;
        }
        Map<String, Analysed> analysed = analyse(corrections);
        List<QueryTerms> result = new ArrayList<>();
        for (QueryTerms window : windows) {
            List<QueryTerms.Position> positions = new ArrayList<>();
            List<String> added = new ArrayList<>();
            for (QueryTerms.Position position : window.positions()) {
                String correction = position.known() ? null : corrections.get(surface(window, position));
                Analysed corrected = correction == null ? null : analysed.get(correction);
                if (corrected == null) {
                    positions.add(position);
                    continue;
                }
                Set<String> tokens = new LinkedHashSet<>(position.tokens());
                tokens.addAll(corrected.tokens());
                positions.add(new QueryTerms.Position(position.index(), tokens, corrected.weight(), true,
                        position.start(), position.end()));
                added.add(correction);
            }
            result.add(added.isEmpty() ? window : new QueryTerms(window.text(), positions, String.join(" ", added)));
        }
        return result;
    }

    private static String surface(QueryTerms window, QueryTerms.Position position) {
        return window.wordAt(position).toLowerCase(Locale.ROOT);
    }

    /** The best indexed word within two edits, per misspelt word that has one. */
    private Map<String, String> suggest(Set<String> words) {
        try {
            var response = client.search(s -> s.index(index).size(0).suggest(sg -> sg
                    .suggesters(SUGGESTER, f -> f.text(String.join(" ", words)).term(t -> t.field("text.exact")
                            .suggestMode(SuggestMode.Missing).maxEdits(2).prefixLength(1).minWordLength(5)
                            .size(1)))), Void.class);
            Map<String, String> corrections = new HashMap<>();
            for (Suggestion<Void> suggestion : response.suggest().getOrDefault(SUGGESTER, List.of())) {
                if (suggestion.isTerm() && !suggestion.term().options().isEmpty()) {
                    corrections.put(suggestion.term().text(), suggestion.term().options().getFirst().text());
                }
            }
            return corrections;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A correction through the search analyzer: its tokens (stems, parts, synonyms) and its weight. */
    private record Analysed(Set<String> tokens, double weight) {
    }

    /** Each correction through the search analyzer, when the index knows all of it. */
    private Map<String, Analysed> analyse(Map<String, String> corrections) {
        List<String> words = List.copyOf(new LinkedHashSet<>(corrections.values()));
        List<QueryTerms> analysed = search.analyse(words);
        Map<String, Analysed> result = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            // A synonym of several words takes several positions; together they stand for the one word corrected.
            List<QueryTerms.Position> positions = analysed.get(i).positions();
            if (!positions.isEmpty() && positions.stream().allMatch(QueryTerms.Position::known)) {
                Set<String> tokens = new LinkedHashSet<>();
                positions.forEach(p -> tokens.addAll(p.tokens()));
                double weight = positions.stream().mapToDouble(QueryTerms.Position::weight).max().orElse(0);
                result.put(words.get(i), new Analysed(tokens, weight));
            }
        }
        return result;
    }
}
