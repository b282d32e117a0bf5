package nl.duiding.kb.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import nl.duiding.kb.content.ContentProperties;
import nl.duiding.kb.index.IndexNames;
import nl.duiding.kb.index.IndexScanner;
import nl.duiding.kb.narrative.Narrative;
import nl.duiding.kb.narrative.NarrativePublished;
import nl.duiding.kb.narrative.NarrativeRecord;
import nl.duiding.kb.narrative.NarrativeWithdrawn;
import nl.duiding.kb.narrative.PublishedNarratives;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the match index in step with what is published: one document per trigger phrasing plus a profile per
 * narrative, and the ordinary questions. Writes are idempotent; unchanged narratives are skipped by hash.
 */
@Component
@Order(10)
class MatchIndexWriter implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MatchIndexWriter.class);
    /** Part of every stored hash: bump it when the documents written for the same input change. */
    private static final String FORMAT = "4";

    private final ElasticsearchClient client;
    private final String index;
    private final String baseline;
    private final PublishedNarratives published;
    private final ContentProperties content;
    private final JsonMapper json;
    private final IndexScanner scanner;
    private final TermVectorCache termVectors;
    private final ClaimLanguageCache claimLanguage;
    private final TextEmbedder embedder;

    MatchIndexWriter(ElasticsearchClient client, IndexNames names, PublishedNarratives published,
            ContentProperties content, JsonMapper json, IndexScanner scanner, TermVectorCache termVectors,
            ClaimLanguageCache claimLanguage, TextEmbedder embedder) {
        this.client = client;
        this.embedder = embedder;
        this.termVectors = termVectors;
        this.claimLanguage = claimLanguage;
        this.scanner = scanner;
        this.index = names.alias(MatchIndices.MATCH);
        this.baseline = names.alias(MatchIndices.BASELINE);
        this.published = published;
        this.content = content;
        this.json = json;
    }

    /** After the content import (runner order 0), so a fresh start does not first empty the index. */
    @Override
    public void run(ApplicationArguments args) {
        syncNarratives(published.all());
        syncOrdinary(OrdinaryQuestions.load(content.analysisDir().resolve("ordinary-questions.txt")));
        syncCues(Cues.load(content.analysisDir().resolve("cues.txt")));
    }

    @EventListener
    void on(NarrativePublished event) {
        syncNarrative(event.narrative().narrative(), true);
    }

    @EventListener
    void on(NarrativeWithdrawn event) {
        deleteIds(idsOf(event.tenant().value(), event.slug().value(), Set.of()));
        String baselineId = event.tenant().value() + "|" + event.slug().value();
        execute(new BulkRequest.Builder().operations(o -> o.delete(d -> d.index(baseline).id(baselineId))));
        refresh();
    }

    /** Makes the index hold exactly these narratives. */
    void syncNarratives(List<NarrativeRecord> records) {
        Set<String> keep = new HashSet<>();
        int written = 0;
        for (NarrativeRecord record : records) {
            Narrative narrative = record.narrative();
            keep.add(narrative.tenant().value() + "|" + narrative.slug().value());
            if (syncNarrative(narrative, false)) {
                written++;
            }
        }
        List<String> stale = allNarrativeIds().stream()
                .filter(id -> !keep.contains(id.substring(0, id.lastIndexOf('|'))))
                .toList();
        deleteIds(stale);
        List<String> staleBaseline = idsIn(baseline).stream().filter(id -> !keep.contains(id)).toList();
        if (!staleBaseline.isEmpty()) {
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            staleBaseline.forEach(id -> bulk.operations(o -> o.delete(d -> d.index(baseline).id(id))));
            execute(bulk);
        }
        refresh();
        log.info("Match index has {} narrative(s); {} (re)written, {} stale document(s) removed", records.size(),
                written, stale.size());
    }

    /** Returns whether anything was written. */
    boolean syncNarrative(Narrative narrative, boolean refreshNow) {
        String tenant = narrative.tenant().value();
        String slug = narrative.slug().value();
        String hash = hash(narrative);
        String profileId = MatchDocument.profileId(tenant, slug);
        if (hash.equals(storedHash(profileId))) {
            return false;
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        Set<String> written = new HashSet<>();
        List<String> triggers = narrative.triggers();
        List<float[]> vectors = vectors(triggers);
        for (int i = 0; i < triggers.size(); i++) {
            String id = MatchDocument.triggerId(tenant, slug, i);
            written.add(id);
            MatchDocument doc = new MatchDocument(MatchDocument.TRIGGER, slug, tenant, null, triggers.get(i), null,
                    null, null, vectors.get(i));
            bulk.operations(o -> o.index(x -> x.index(index).id(id).document(doc)));
        }
        written.add(profileId);
        String profileText = narrative.title() + ". " + narrative.summary() + " " + String.join(" ", narrative.tags());
        MatchDocument profile = new MatchDocument(MatchDocument.PROFILE, slug, tenant, null, profileText,
                narrative.title(), hash, narrative);
        bulk.operations(o -> o.index(x -> x.index(index).id(profileId).document(profile)));
        String narrativeId = MatchDocument.narrativeId(tenant, slug);
        written.add(narrativeId);
        MatchDocument whole = new MatchDocument(MatchDocument.NARRATIVE, slug, tenant, null,
                profileText + "\n" + String.join("\n", triggers), null, null, null);
        bulk.operations(o -> o.index(x -> x.index(index).id(narrativeId).document(whole)));
        BaselineDocument plain = new BaselineDocument(slug, tenant, narrative.title(), narrative.summary(), triggers);
        bulk.operations(o -> o.index(x -> x.index(baseline).id(tenant + "|" + slug).document(plain)));
        execute(bulk);
        deleteIds(idsOf(tenant, slug, written));
        if (refreshNow) {
            refresh();
        }
        return true;
    }

    void syncOrdinary(OrdinaryQuestions ordinary) {
        String hash = sha256(FORMAT + embedder.modelId() + ordinary.questions());
        if (hash.equals(storedHash(MatchDocument.ORDINARY_MARKER_ID))) {
            return;
        }
        List<String> old = new ArrayList<>(idsWhere("kind", MatchDocument.ORDINARY));
        old.addAll(idsWhere("kind", MatchDocument.TOPIC));
        deleteIds(old);
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        Map<String, Integer> perTopic = new HashMap<>();
        List<float[]> vectors = vectors(ordinary.questions().stream().map(OrdinaryQuestions.Question::text).toList());
        for (int q = 0; q < ordinary.questions().size(); q++) {
            OrdinaryQuestions.Question question = ordinary.questions().get(q);
            int n = perTopic.merge(question.topic(), 1, Integer::sum) - 1;
            String id = MatchDocument.ordinaryId(question.topic(), n);
            MatchDocument doc = new MatchDocument(MatchDocument.ORDINARY, null, "nationaal", question.topic(),
                    question.text(), null, null, null, vectors.get(q));
            bulk.operations(o -> o.index(x -> x.index(index).id(id).document(doc)));
        }
        Map<String, List<String>> topics = new LinkedHashMap<>();
        ordinary.questions().forEach(q -> topics.computeIfAbsent(q.topic(), t -> new ArrayList<>()).add(q.text()));
        topics.forEach((topic, texts) -> {
            MatchDocument doc = new MatchDocument(MatchDocument.TOPIC, null, "nationaal", topic,
                    String.join("\n", texts), null, null, null);
            bulk.operations(o -> o.index(x -> x.index(index).id(MatchDocument.topicId(topic)).document(doc)));
        });
        MatchDocument marker = new MatchDocument(MatchDocument.META, null, "nationaal", null, null, null, hash, null);
        bulk.operations(o -> o.index(x -> x.index(index).id(MatchDocument.ORDINARY_MARKER_ID).document(marker)));
        execute(bulk);
        refresh();
        log.info("Match index has {} ordinary question(s) in {} topic(s)", ordinary.questions().size(), perTopic.size());
    }

    void syncCues(Cues cues) {
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        List<String> stale = new ArrayList<>(idsWhere("kind", MatchDocument.CUE));
        cues.words().forEach((kind, words) -> {
            String id = Cues.documentId(kind);
            stale.remove(id);
            MatchDocument doc = new MatchDocument(MatchDocument.CUE, null, "nationaal", kind, String.join("\n", words),
                    null, null, null);
            bulk.operations(o -> o.index(x -> x.index(index).id(id).document(doc)));
        });
        stale.forEach(id -> bulk.operations(o -> o.delete(d -> d.index(index).id(id))));
        if (!cues.words().isEmpty() || !stale.isEmpty()) {
            execute(bulk);
            refresh();
        }
    }

    private String storedHash(String id) {
        try {
            var doc = client.get(g -> g.index(index).id(id).sourceIncludes("hash"), MatchDocument.class);
            return doc.found() && doc.source() != null ? doc.source().hash() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> idsOf(String tenant, String slug, Set<String> except) {
        try {
            var response = client.search(s -> s.index(index).size(10_000).source(src -> src.fetch(false))
                    .query(q -> q.bool(b -> b
                            .filter(f -> f.term(t -> t.field("tenant").value(tenant)))
                            .filter(f -> f.term(t -> t.field("slug").value(slug))))), Void.class);
            return response.hits().hits().stream().map(Hit::id).filter(id -> !except.contains(id)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> allNarrativeIds() {
        List<String> ids = new ArrayList<>(idsWhere("kind", MatchDocument.TRIGGER));
        ids.addAll(idsWhere("kind", MatchDocument.PROFILE));
        ids.addAll(idsWhere("kind", MatchDocument.NARRATIVE));
        return ids;
    }

    private List<String> idsIn(String target) {
        return ids(target, null, null);
    }

    private List<String> idsWhere(String field, String value) {
        return ids(index, field, value);
    }

    private List<String> ids(String target, String field, String value) {
        List<String> ids = new ArrayList<>();
        Query query = field == null ? Query.of(q -> q.matchAll(m -> m))
                : Query.of(q -> q.term(t -> t.field(field).value(value)));
        scanner.scan(target, query, 1000, false, hits -> hits.forEach(h -> ids.add(h.id())));
        return ids;
    }

    private void deleteIds(List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        ids.forEach(id -> bulk.operations(o -> o.delete(d -> d.index(index).id(id))));
        execute(bulk);
    }

    private void execute(BulkRequest.Builder bulk) {
        try {
            BulkResponse response = client.bulk(bulk.build());
            if (response.errors()) {
                String reasons = response.items().stream().filter(i -> i.error() != null)
                        .map(i -> i.id() + ": " + i.error().reason()).limit(3).collect(Collectors.joining("; "));
                throw new IllegalStateException("Writing the match index failed: " + reasons);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void refresh() {
        try {
            client.indices().refresh(r -> r.index(index, baseline));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // After the refresh, so that what is read again is what was just written.
        termVectors.clear();
        claimLanguage.rebuild();
    }

    /** The baseline's view of a narrative: plain text fields for a standard-analyzer multi_match. */
    record BaselineDocument(String slug, String tenant, String title, String summary, List<String> triggers) {
    }

    /** The texts' sentence vectors, or nulls without an embedding model. */
    private List<float[]> vectors(List<String> texts) {
        return embedder.enabled() ? embedder.documents(texts) : Collections.nCopies(texts.size(), null);
    }

    /** Also changes with the embedding model, so that another model's vectors are written anew. */
    private String hash(Narrative narrative) {
        return sha256(FORMAT + embedder.modelId() + json.writeValueAsString(narrative));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
