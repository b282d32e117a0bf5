package nl.duiding.kb.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MsearchRequest;
import co.elastic.clients.elasticsearch.core.TermvectorsResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.termvectors.TermVector;
import nl.duiding.kb.index.IndexNames;
import nl.duiding.kb.index.IndexScanner;
import nl.duiding.kb.narrative.Narrative;
import org.springframework.stereotype.Component;

/**
 * Everything matching asks Elasticsearch: candidate documents per window, the analysed window, the analysed
 * candidates and the published narratives to answer with. {@link #query} is the one place the match query is built.
 */
@Component
class MatchSearch {

    private static final String FIELD = "text";

    /** Term vectors per request when reading whole narratives and topics (hundreds of terms each). */
    private static final int TERM_VECTOR_BATCH = 100;

    private final ElasticsearchClient client;
    private final ElasticsearchAsyncClient async;
    private final IndexScanner scanner;
    private final String index;

    MatchSearch(ElasticsearchClient client, IndexNames names, IndexScanner scanner) {
        this.client = client;
        this.scanner = scanner;
        this.async = new ElasticsearchAsyncClient(client._transport(), client._transportOptions());
        this.index = names.alias(MatchIndices.MATCH);
    }

    /** Phrasings: single trigger phrasings, profiles and single ordinary questions. */
    static final List<String> PHRASINGS = List.of(MatchDocument.TRIGGER, MatchDocument.PROFILE, MatchDocument.ORDINARY);
    /** Classes: whole narratives and whole ordinary topics. */
    static final List<String> CLASSES = List.of(MatchDocument.NARRATIVE, MatchDocument.TOPIC);
    private static final int CLASS_CANDIDATES = 30;
    /** Documents with a sentence vector: the single phrasings that say a narrative or an ordinary question. */
    private static final List<String> NEIGHBOUR_KINDS = List.of(MatchDocument.TRIGGER, MatchDocument.ORDINARY);
    private static final String EMBEDDING = "embedding";
    /**
     * One edit from five letters, none below (as {@link TypoDistance} credits most typos). Two edits, as
     * {@code AUTO} allows from six letters, made the typo pass cost as much as the rest of the search together
     * (docs/matching-results.md, "Latency").
     */
    private static final String TYPO_EDITS = "AUTO:5,100";
    /** A phrasing's text is shown as the best phrasing; a class's text (every phrasing of it) is never read. */
    private static final List<String> PHRASING_SOURCE = List.of("kind", "slug", "tenant", "topic", FIELD);
    private static final List<String> CLASS_SOURCE = List.of("kind", "slug", "tenant", "topic");

    /**
     * The search for one window: BM25 over the Dutch analysis (stems, synonyms, compound parts), within the caller's
     * tenants, over the given kinds of documents; plus a weaker typo-tolerant pass over the words no document knows
     * (typos, mostly). Fuzzy matching is costly per word, so it only gets the words that need it.
     */
    Query query(String window, Set<String> tenants, Set<String> excludeIds, List<String> kinds, String unknownWords) {
        return Query.of(q -> q.bool(b -> {
            scope(b, tenants, excludeIds, kinds)
                    .should(s -> s.match(m -> m.field(FIELD).query(window)))
                    .minimumShouldMatch("1");
            if (!unknownWords.isBlank()) {
                b.should(s -> s.match(m -> m.field(FIELD + ".exact").query(unknownWords).fuzziness(TYPO_EDITS)
                        .prefixLength(1).maxExpansions(20).boost(0.5f)));
            }
            return b;
        }));
    }

    /** What any search of matching may find: the caller's tenants, these kinds, none of the hidden documents. */
    private static BoolQuery.Builder scope(BoolQuery.Builder b, Set<String> tenants, Set<String> excludeIds,
            List<String> kinds) {
        List<FieldValue> tenantValues = tenants.stream().map(FieldValue::of).toList();
        List<FieldValue> kindValues = kinds.stream().map(FieldValue::of).toList();
        b.filter(f -> f.terms(t -> t.field("tenant").terms(v -> v.value(tenantValues))))
                .filter(f -> f.terms(t -> t.field("kind").terms(v -> v.value(kindValues))));
        if (!excludeIds.isEmpty()) {
            b.mustNot(n -> n.ids(i -> i.values(List.copyOf(excludeIds))));
        }
        return b;
    }

    /** Candidate hits per analysed window (phrasings and classes), in one multi-search. */
    List<List<Candidate>> candidates(List<QueryTerms> windows, Set<String> tenants, Set<String> excludeIds,
            int size) {
        try {
            var response = client.msearch(m -> {
                for (QueryTerms window : windows) {
                    add(m, query(window.searchText(), tenants, excludeIds, PHRASINGS, window.unknownWords()), size,
                            PHRASING_SOURCE);
                    add(m, query(window.searchText(), tenants, excludeIds, CLASSES, ""), CLASS_CANDIDATES, CLASS_SOURCE);
                }
                return m;
            }, MatchDocument.class);
            // Two searches per window, in order: phrasings, then classes.
            List<List<Candidate>> result = new ArrayList<>();
            List<MultiSearchResponseItem<MatchDocument>> items = response.responses();
            for (int i = 0; i < items.size(); i++) {
                MultiSearchResponseItem<MatchDocument> item = items.get(i);
                if (item.isFailure()) {
                    throw new IllegalStateException("Match search failed: " + item.failure().error().reason());
                }
                if (i % 2 == 0) {
                    result.add(new ArrayList<>());
                }
                List<Candidate> window = result.getLast();
                item.result().hits().hits().forEach(hit -> window.add(
                        new Candidate(hit.id(), hit.source(), hit.score() == null ? 0 : hit.score())));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The nearest trigger phrasings and ordinary questions to each window's vector (knn over the phrasings' sentence
     * vectors, {@link TextEmbedder}), within the caller's tenants, in one multi-search sent now and read on
     * {@link CompletableFuture#join()}: the word search runs meanwhile. Each hit's score is its cosine similarity.
     */
    CompletableFuture<List<List<Candidate>>> neighbours(List<float[]> vectors, Set<String> tenants,
            Set<String> excludeIds, int k) {
        Query filter = Query.of(q -> q.bool(b -> scope(b, tenants, excludeIds, NEIGHBOUR_KINDS)));
        try {
            return async.msearch(m -> {
                for (float[] vector : vectors) {
                    List<Float> query = new ArrayList<>(vector.length);
                    for (float value : vector) {
                        query.add(value);
                    }
                    m.searches(s -> s.header(h -> h.index(index)).body(b -> b
                            .knn(n -> n.field(EMBEDDING).queryVector(query).k(k).numCandidates(k * 3).filter(filter))
                            .size(k).source(src -> src.filter(f -> f.includes(CLASS_SOURCE)))));
                }
                return m;
            }, MatchDocument.class).thenApply(response -> response.responses().stream().map(item -> {
                if (item.isFailure()) {
                    throw new IllegalStateException("Neighbour search failed: " + item.failure().error().reason());
                }
                // Elasticsearch scores cosine similarity as (1 + cosine) / 2.
                return item.result().hits().hits().stream()
                        .map(hit -> new Candidate(hit.id(), hit.source(), hit.score() == null ? 0
                                : 2 * hit.score() - 1))
                        .toList();
            }).toList());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Every window through the search analyzer, concurrently: one request per window. */
    List<QueryTerms> analyse(List<String> windows) {
        List<CompletableFuture<TermvectorsResponse>> pending = windows.stream()
                .map(window -> async.termvectors(t -> t.index(index).doc(Map.of(FIELD, window)).fields(FIELD)
                        .perFieldAnalyzer(FIELD, "nl_search").positions(true).offsets(true)
                        .termStatistics(true).fieldStatistics(true)))
                .toList();
        List<QueryTerms> result = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            try {
                result.add(toQueryTerms(windows.get(i), pending.get(i).get()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while analysing the text", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime
                        : new UncheckedIOException(new IOException(e.getCause()));
            }
        }
        return result;
    }

    /** The window through the search analyzer, with document frequencies for weighting. */
    private static QueryTerms toQueryTerms(String window, TermvectorsResponse response) {
        TermVector vector = response.termVectors().get(FIELD);
        if (vector == null) {
            return new QueryTerms(window, List.of());
        }
        int documents = vector.fieldStatistics().docCount();
        Map<Integer, Set<String>> tokens = new TreeMap<>();
        Map<Integer, Double> weights = new HashMap<>();
        Map<Integer, int[]> offsets = new HashMap<>();
        vector.terms().forEach((term, stats) -> {
            Integer docFreq = stats.docFreq();
            stats.tokens().forEach(token -> {
                int position = token.position();
                tokens.computeIfAbsent(position, p -> new LinkedHashSet<>()).add(term);
                if (docFreq != null && docFreq > 0) {
                    weights.merge(position, Idf.of(docFreq, documents), Math::max);
                }
                if (token.startOffset() != null && token.endOffset() != null) {
                    offsets.merge(position, new int[] {token.startOffset(), token.endOffset()},
                            (a, b) -> new int[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
                }
            });
        });
        double unknown = Idf.unknown(documents);
        List<QueryTerms.Position> positions = new ArrayList<>();
        tokens.forEach((position, terms) -> {
            int[] span = offsets.getOrDefault(position, new int[] {0, 0});
            positions.add(new QueryTerms.Position(position, terms, weights.getOrDefault(position, unknown),
                    weights.containsKey(position), span[0], span[1]));
        });
        return new QueryTerms(window, positions);
    }

    private void add(MsearchRequest.Builder m, Query query, int size, List<String> source) {
        m.searches(s -> s.header(h -> h.index(index)).body(b -> b.query(query).size(size)
                .source(src -> src.filter(f -> f.includes(source)))));
    }

    /**
     * Analysed terms of stored documents. Documents in {@code withIdf} (the short phrasings) come with their terms'
     * idf; for the others (whole narratives and topics, hundreds of terms each) only which terms they hold is needed,
     * and looking up document frequencies for all of them would cost more than the rest of the match together.
     */
    Map<String, Map<String, Double>> termsOf(Collection<String> ids, Set<String> withIdf) {
        Map<String, Map<String, Double>> result = new HashMap<>();
        termVectors(ids, withIdf).forEach((id, vector) -> {
            int documents = vector.fieldStatistics() == null ? 0 : vector.fieldStatistics().docCount();
            Map<String, Double> idf = new HashMap<>();
            vector.terms().forEach((term, stats) -> idf.put(term,
                    stats.docFreq() == null ? 1.0 : Idf.of(stats.docFreq(), documents)));
            result.put(id, idf);
        });
        return result;
    }

    /**
     * How often each stem occurs in all documents of one kind, every tenant: summed over whole narratives, it is the
     * number of a narrative's phrasings (and profile) that use the stem; over whole topics, of ordinary questions.
     */
    Map<String, Long> stemCounts(String kind) {
        List<String> ids = new ArrayList<>();
        scanner.scan(index, Query.of(q -> q.term(t -> t.field("kind").value(kind))), 1000, false,
                hits -> hits.forEach(h -> ids.add(h.id())));
        Map<String, Long> counts = new HashMap<>();
        for (int from = 0; from < ids.size(); from += TERM_VECTOR_BATCH) {
            termVectors(ids.subList(from, Math.min(ids.size(), from + TERM_VECTOR_BATCH)), Set.of())
                    .values().forEach(vector -> vector.terms().forEach((term, stats) ->
                            counts.merge(term, (long) stats.termFreq(), Long::sum)));
        }
        return counts;
    }

    /** The analysed text field of stored documents, in one request; term and field statistics only for some. */
    private Map<String, TermVector> termVectors(Collection<String> ids, Set<String> withStatistics) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        try {
            var response = client.mtermvectors(m -> {
                m.index(index);
                ids.forEach(id -> m.docs(d -> d.id(id).fields(FIELD).positions(false).offsets(false)
                        .termStatistics(withStatistics.contains(id)).fieldStatistics(withStatistics.contains(id))));
                return m;
            });
            Map<String, TermVector> result = new HashMap<>();
            response.docs().forEach(doc -> {
                TermVector vector = doc.termVectors() == null ? null : doc.termVectors().get(FIELD);
                if (vector != null) {
                    result.put(doc.id(), vector);
                }
            });
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The published narratives behind these groups ({@code tenant|slug}), from their profile documents. */
    Map<String, Narrative> narratives(Collection<String> groups) {
        if (groups.isEmpty()) {
            return Map.of();
        }
        try {
            List<String> ids = groups.stream().map(g -> g + "|profile").toList();
            var response = client.mget(m -> m.index(index).ids(ids), MatchDocument.class);
            Map<String, Narrative> result = new HashMap<>();
            response.docs().forEach(doc -> {
                if (doc.isResult() && doc.result().found() && doc.result().source() != null) {
                    MatchDocument profile = doc.result().source();
                    result.put(profile.tenant() + "|" + profile.slug(), profile.narrative());
                }
            });
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A retrieved document and its BM25 score. */
    record Candidate(String id, MatchDocument doc, double score) {

        boolean isClass() {
            return CLASSES.contains(doc.kind());
        }

        String group() {
            return MatchDocument.ORDINARY.equals(doc.kind()) || MatchDocument.TOPIC.equals(doc.kind())
                    ? DocTerms.ORDINARY_GROUP_PREFIX + doc.topic()
                    : doc.tenant() + "|" + doc.slug();
        }
    }
}
