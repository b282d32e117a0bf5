package nl.duiding.connector.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import nl.duiding.connector.kb.KbApi;
import nl.duiding.connector.kb.KbRejected;
import nl.duiding.connector.kb.KnowledgeBase;
import nl.duiding.connector.support.KbNarratives;
import nl.duiding.connector.support.KbServiceExtension;
import nl.duiding.connector.support.KbServiceProcess;

/**
 * A municipality's own narrative reaches its own agents, live from kb-service and from the connector's cache, and
 * nobody else's: the connector names the municipality of the contact on every call, and keeps the cache per
 * municipality.
 */
@ExtendWith(KbServiceExtension.class)
@SpringBootTest
class MunicipalNarrativesIT {

    private static final String SLUG = "ij-gif-gerucht";
    private static final String TITLE = "Bewering dat de gemeente gif in het IJ loost";

    @Autowired
    KnowledgeBase kb;
    @Autowired
    CacheRefresher refresher;
    @Autowired
    PublishedScriptCache cache;

    @Test
    void showsAMunicipalitysOwnNarrativeToItsAgentsOnlyLiveAndFromTheCache(KbServiceProcess process) {
        KbNarratives.publish(process, KbServiceExtension.TENANT, "chemtrails", KbNarratives.identity(SLUG, TITLE,
                "Het gerucht gaat dat de gemeente 's nachts gif in het IJ loost bij de pont naar Noord.",
                "De gemeente loost gif in het IJ", "Bij de pont gooien ze 's nachts vaten in het water",
                "Het IJ wordt vergiftigd door de gemeente", "Waarom is het water bij de pont zo troebel?",
                "Ze dumpen afval in het IJ en niemand zegt er iets van"));

        await().atMost(Duration.ofSeconds(20)).until(() -> slugs(kb.suggest("gif in het IJ", 8,
                KbServiceExtension.TENANT).value()).contains(SLUG));
        assertThat(kb.suggest("gif in het IJ", 8, KbServiceExtension.TENANT).degraded()).isFalse();
        assertThat(slugs(kb.suggest("gif in het IJ", 8, "GM0599").value())).doesNotContain(SLUG);
        assertThat(slugs(kb.suggest("gif in het IJ", 8, null).value())).doesNotContain(SLUG);
        assertThat(kb.narrative(SLUG, KbServiceExtension.TENANT).value().title()).isEqualTo(TITLE);
        assertThatThrownBy(() -> kb.narrative(SLUG, "GM0599")).isInstanceOfSatisfying(KbRejected.class,
                e -> assertThat(e.status()).isEqualTo(404));

        assertThat(refresher.refresh()).isTrue();

        assertThat(cache.narrative(SLUG, KbServiceExtension.TENANT)).hasValueSatisfying(
                n -> assertThat(n.title()).isEqualTo(TITLE));
        assertThat(cache.narrative(SLUG, "GM0599")).isEmpty();
        assertThat(cache.narrative(SLUG, null)).isEmpty();
        assertThat(slugs(cache.suggest("gif IJ", 8, KbServiceExtension.TENANT))).contains(SLUG);
        assertThat(slugs(cache.suggest("gif IJ", 8, "GM0599"))).doesNotContain(SLUG);
        assertThat(cache.narrative("chemtrails", "GM0599")).as("national narratives for everyone").isPresent();
    }

    private static List<String> slugs(List<KbApi.Suggestion> suggestions) {
        return suggestions.stream().map(KbApi.Suggestion::slug).toList();
    }
}
