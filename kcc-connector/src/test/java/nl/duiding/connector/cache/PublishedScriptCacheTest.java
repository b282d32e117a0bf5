package nl.duiding.connector.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.duiding.connector.kb.KbApi;
import tools.jackson.databind.json.JsonMapper;

class PublishedScriptCacheTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private static KbApi.Narrative narrative(String slug, String title, String summary, String core) {
        KbApi.Script script = new KbApi.Script(null, core, List.of("Zeg dit"), List.of("Niet dit"), List.of(),
                List.of(new KbApi.Referral("communicatie", "bij pers")), "Registreer zoals gewoonlijk.");
        return new KbApi.Narrative(slug, title, summary, "gezondheid", List.of("straling"), "laag", "nationaal",
                Map.of("telefoon", script, "email", script, "chat", script), null, List.of(), 3, Instant.now());
    }

    private PublishedScriptCache filled(Path dir) {
        PublishedScriptCache cache = new PublishedScriptCache(new CacheProperties(dir.resolve("cache.json"),
                java.time.Duration.ofMinutes(5)), json);
        cache.replace(Map.of(
                "5g-gezondheid", narrative("5g-gezondheid", "Bewering dat 5G ziek maakt",
                        "Het verhaal gaat dat de straling van 5G-masten mensen ziek maakt.", "5G is onderzocht."),
                "chemtrails", narrative("chemtrails", "Bewering dat vliegtuigen gif sproeien (chemtrails)",
                        "Witte strepen achter vliegtuigen zouden gif zijn.", "Dat zijn condensstrepen.")),
                Instant.parse("2026-11-26T08:00:00Z"));
        return cache;
    }

    @Test
    void findsTheNarrativeAnAgentLooksForByItsWords(@TempDir Path dir) {
        PublishedScriptCache cache = filled(dir);

        KbApi.MatchResponse match = cache.match("Die strepen van vliegtuigen zijn toch gif?", "brief");

        assertThat(match.matches()).extracting(KbApi.Match::slug).first().isEqualTo("chemtrails");
        assertThat(match.matches().get(0).script().channel()).isEqualTo("email");
        assertThat(match.matches().get(0).confidence()).isEqualTo("laag");
        assertThat(cache.suggest("5g str", 5)).extracting(KbApi.Suggestion::slug).first().isEqualTo("5g-gezondheid");
        assertThat(cache.match("Wanneer wordt het grofvuil opgehaald?", "telefoon").matches()).isEmpty();
    }

    @Test
    void keepsItsScriptsAcrossARestart(@TempDir Path dir) {
        filled(dir);

        PublishedScriptCache restarted = new PublishedScriptCache(new CacheProperties(dir.resolve("cache.json"),
                java.time.Duration.ofMinutes(5)), json);

        assertThat(restarted.snapshot().narratives()).containsKeys("chemtrails", "5g-gezondheid");
        assertThat(restarted.snapshot().refreshedAt()).isEqualTo(Instant.parse("2026-11-26T08:00:00Z"));
        assertThat(restarted.narrative("chemtrails").orElseThrow().scripts().get("telefoon").coreMessage())
                .isEqualTo("Dat zijn condensstrepen.");
    }
}
