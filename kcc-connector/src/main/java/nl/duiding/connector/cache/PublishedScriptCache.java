package nl.duiding.connector.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import nl.duiding.connector.kb.KbApi;
import nl.duiding.connector.kb.OfflineKnowledge;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published narratives and their scripts, kept in memory and in a file, for degraded mode: the national ones,
 * and per municipality its own local ones, so an agent of a municipality sees what kb-service would show them (their
 * own version of a slug instead of the national one) and never another municipality's. Its search is deliberately
 * plain (shared words in title, summary, tags and scripts): it finds the narrative an agent looks for by name, it is
 * not kb-service's matcher, and the sidebar says so with every cached answer.
 */
@Component
public class PublishedScriptCache implements OfflineKnowledge {

    private static final Logger log = LoggerFactory.getLogger(PublishedScriptCache.class);
    private static final int MAX_MATCHES = 5;
    // Words too common in questions to say anything about the narrative.
    private static final Set<String> STOPWORDS = Set.of("de", "het", "een", "en", "van", "dat", "die", "in", "is",
            "op", "te", "er", "zijn", "niet", "wat", "wie", "hoe", "met", "voor", "aan", "ook", "als", "maar", "om",
            "ik", "u", "je", "we", "ze", "dit", "bij", "of", "naar", "nog", "wel", "dan", "door", "over", "kan", "mijn",
            "gemeente", "waarom", "wordt", "worden", "heeft", "hebben");

    /**
     * @param narratives the national narratives by slug
     * @param local      per gemeentecode, that municipality's own narratives by slug
     */
    public record Snapshot(Instant refreshedAt, Map<String, KbApi.Narrative> narratives,
            Map<String, Map<String, KbApi.Narrative>> local) {

        public Snapshot {
            narratives = narratives == null ? Map.of() : Map.copyOf(narratives);
            // A file written before local narratives were kept has none.
            local = local == null ? Map.of() : local.entrySet().stream()
                    .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Map.copyOf(e.getValue())));
        }

        /** What the agents of {@code tenant} see: the national narratives with the municipality's own over them. */
        public Map<String, KbApi.Narrative> visibleTo(String tenant) {
            Map<String, KbApi.Narrative> own = tenant == null ? Map.of() : local.getOrDefault(tenant, Map.of());
            if (own.isEmpty()) {
                return narratives;
            }
            Map<String, KbApi.Narrative> both = new java.util.HashMap<>(narratives);
            both.putAll(own);
            return both;
        }
    }

    private final Path file;
    private final JsonMapper json;
    private final AtomicReference<Snapshot> current = new AtomicReference<>(new Snapshot(null, Map.of(), Map.of()));

    PublishedScriptCache(CacheProperties properties, JsonMapper json) {
        this.file = properties.file();
        this.json = json;
        load();
    }

    public Snapshot snapshot() {
        return current.get();
    }

    void replace(Map<String, KbApi.Narrative> narratives, Map<String, Map<String, KbApi.Narrative>> local, Instant at) {
        Snapshot snapshot = new Snapshot(at, narratives, local);
        current.set(snapshot);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            json.writeValue(tmp.toFile(), snapshot);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            log.warn("could not write the script cache to {}: {}", file, e.toString());
        }
    }

    private void load() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            Snapshot snapshot = json.readValue(file.toFile(), Snapshot.class);
            current.set(snapshot);
            log.info("script cache: {} national narratives and local ones of {} municipalities from {} (refreshed "
                    + "{})", snapshot.narratives().size(), snapshot.local().size(), file, snapshot.refreshedAt());
        } catch (RuntimeException e) {
            log.warn("ignoring unreadable script cache {}: {}", file, e.toString());
        }
    }

    @Override
    public Optional<KbApi.Narrative> narrative(String slug, String tenant) {
        return Optional.ofNullable(current.get().visibleTo(tenant).get(slug));
    }

    @Override
    public List<KbApi.Suggestion> suggest(String typed, int size, String tenant) {
        return ranked(typed, true, tenant).stream().limit(size)
                .map(s -> new KbApi.Suggestion(s.narrative.slug(), s.narrative.title(), s.narrative.category(),
                        s.narrative.risk(), null))
                .toList();
    }

    @Override
    public KbApi.MatchResponse match(String text, String channel, String tenant) {
        String scriptChannel = scriptChannel(channel);
        List<KbApi.Match> matches = ranked(text, false, tenant).stream().limit(MAX_MATCHES)
                .map(s -> new KbApi.Match(s.narrative.slug(), s.narrative.title(), s.score, "laag", List.of(),
                        script(s.narrative, scriptChannel), s.narrative.category(), s.narrative.risk(),
                        s.narrative.tenant()))
                .toList();
        return new KbApi.MatchResponse(matches, List.of());
    }

    /** Balie shares the telephone script, brief the e-mail script (as in kb-service). */
    public static String scriptChannel(String channel) {
        return switch (channel == null ? "telefoon" : channel) {
            case "email", "brief" -> "email";
            case "chat" -> "chat";
            default -> "telefoon";
        };
    }

    private static KbApi.Script script(KbApi.Narrative narrative, String scriptChannel) {
        if (narrative.scripts() == null) {
            return null;
        }
        KbApi.Script script = narrative.scripts().get(scriptChannel);
        if (script == null) {
            return null;
        }
        return new KbApi.Script(scriptChannel, script.coreMessage(), script.say(), script.avoid(),
                script.askFurther(), script.referral(), script.registration());
    }

    private record Scored(KbApi.Narrative narrative, double score) {
    }

    private List<Scored> ranked(String text, boolean prefix, String tenant) {
        Set<String> query = words(text);
        if (query.isEmpty()) {
            return List.of();
        }
        List<Scored> scored = new ArrayList<>();
        for (KbApi.Narrative n : current.get().visibleTo(tenant).values()) {
            Set<String> title = words(n.title());
            Set<String> body = words(String.join(" ", n.summary() == null ? "" : n.summary(),
                    n.tags() == null ? "" : String.join(" ", n.tags()), scriptText(n)));
            double hits = 0;
            for (String word : query) {
                if (contains(title, word, prefix)) {
                    hits += 2;
                } else if (contains(body, word, prefix)) {
                    hits += 1;
                }
            }
            if (hits > 0) {
                scored.add(new Scored(n, Math.min(1.0, hits / (2.0 * query.size()))));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparing(s -> s.narrative.title(), Comparator.nullsLast(Comparator.naturalOrder())));
        return scored;
    }

    private static boolean contains(Set<String> words, String word, boolean prefix) {
        if (words.contains(word)) {
            return true;
        }
        return prefix && words.stream().anyMatch(w -> w.startsWith(word));
    }

    private static String scriptText(KbApi.Narrative n) {
        if (n.scripts() == null) {
            return "";
        }
        return n.scripts().values().stream().filter(s -> s != null && s.coreMessage() != null)
                .map(KbApi.Script::coreMessage).collect(Collectors.joining(" "));
    }

    static Set<String> words(String text) {
        if (text == null) {
            return Set.of();
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        Set<String> words = new HashSet<>();
        for (String w : folded.split("[^\\p{L}\\p{N}]+")) {
            if (w.length() >= 2 && !STOPWORDS.contains(w)) {
                words.add(w);
            }
        }
        return words;
    }
}
