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
        return narrative(slug, title, summary, core, "nationaal");
    }

    private static KbApi.Narrative narrative(String slug, String title, String summary, String core, String tenant) {
        KbApi.Script script = new KbApi.Script(null, core, List.of("Zeg dit"), List.of("Niet dit"), List.of(),
                List.of(new KbApi.Referral("communicatie", "bij pers")), "Registreer zoals gewoonlijk.");
        return new KbApi.Narrative(slug, title, summary, "gezondheid", List.of("straling"), "laag", tenant,
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
                Map.of("GM0363", Map.of(
                        "chemtrails", narrative("chemtrails", "Chemtrails boven Amsterdam",
                                "Witte strepen boven Schiphol zouden gif zijn.", "Amsterdam meet de lucht.", "GM0363"),
                        "grachten-gif", narrative("grachten-gif", "Bewering dat de grachten vergiftigd zijn",
                                "Gif in de grachten.", "Het grachtenwater wordt gemeten.", "GM0363"))),
                Instant.parse("2026-11-26T08:00:00Z"));
        return cache;
    }

    @Test
    void findsTheNarrativeAnAgentLooksForByItsWords(@TempDir Path dir) {
        PublishedScriptCache cache = filled(dir);

        KbApi.MatchResponse match = cache.match("Die strepen van vliegtuigen zijn toch gif?", "brief", "GM0599");

        assertThat(match.matches()).extracting(KbApi.Match::slug).first().isEqualTo("chemtrails");
        assertThat(match.matches().get(0).script().channel()).isEqualTo("email");
        assertThat(match.matches().get(0).confidence()).isEqualTo("laag");
        assertThat(cache.suggest("5g str", 5, "GM0599")).extracting(KbApi.Suggestion::slug).first()
                .isEqualTo("5g-gezondheid");
        assertThat(cache.match("Wanneer wordt het grofvuil opgehaald?", "telefoon", "GM0599").matches()).isEmpty();
    }

    @Test
    void showsAMunicipalitysOwnVersionsToItsAgentsOnly(@TempDir Path dir) {
        PublishedScriptCache cache = filled(dir);

        assertThat(cache.narrative("chemtrails", "GM0363").orElseThrow().title()).isEqualTo("Chemtrails boven Amsterdam");
        assertThat(cache.narrative("chemtrails", "GM0599").orElseThrow().title()).startsWith("Bewering dat vliegtuigen");
        assertThat(cache.narrative("grachten-gif", "GM0363")).isPresent();
        assertThat(cache.narrative("grachten-gif", "GM0599")).isEmpty();
        assertThat(cache.narrative("grachten-gif", null)).isEmpty();
        assertThat(cache.suggest("grachten", 5, "GM0363")).extracting(KbApi.Suggestion::slug).contains("grachten-gif");
        assertThat(cache.suggest("grachten", 5, "GM0599")).isEmpty();
        assertThat(cache.match("Er zit gif in de grachten", "telefoon", "GM0599").matches())
                .extracting(KbApi.Match::slug).doesNotContain("grachten-gif");
    }

    @Test
    void keepsItsScriptsAcrossARestart(@TempDir Path dir) {
        filled(dir);

        PublishedScriptCache restarted = new PublishedScriptCache(new CacheProperties(dir.resolve("cache.json"),
                java.time.Duration.ofMinutes(5)), json);

        assertThat(restarted.snapshot().narratives()).containsKeys("chemtrails", "5g-gezondheid");
        assertThat(restarted.snapshot().refreshedAt()).isEqualTo(Instant.parse("2026-11-26T08:00:00Z"));
        assertThat(restarted.narrative("chemtrails", null).orElseThrow().scripts().get("telefoon").coreMessage())
                .isEqualTo("Dat zijn condensstrepen.");
        assertThat(restarted.narrative("grachten-gif", "GM0363")).isPresent();
    }
}
