package nl.duiding.connector.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import nl.duiding.connector.cache.PublishedScriptCache;
import nl.duiding.connector.support.KbServiceExtension;
import nl.duiding.connector.support.KbServiceProcess;

/** The OpenFeign clients, error decoder, circuit breaker and cache fallback against the real kb-service. */
@ExtendWith(KbServiceExtension.class)
@SpringBootTest
class KnowledgeBaseIT {

    private static final String CHEMTRAILS = "Die witte strepen achter vliegtuigen, daar sproeien ze gif mee over ons";

    @Autowired
    KnowledgeBase kb;

    @Autowired
    PublishedScriptCache cache;

    @Test
    void matchesThroughKbServiceWithTheScriptForTheChannel() {
        Answer<KbApi.MatchResponse> answer = kb.match(CHEMTRAILS, "chat", KbServiceExtension.TENANT);

        assertThat(answer.degraded()).isFalse();
        assertThat(answer.value().matches()).isNotEmpty();
        KbApi.Match best = answer.value().matches().get(0);
        assertThat(best.slug()).isEqualTo("chemtrails");
        assertThat(best.confidence()).isIn("hoog", "middel");
        assertThat(best.script().channel()).isEqualTo("chat");
        assertThat(best.script().coreMessage()).isNotBlank();
    }

    @Test
    void answersAnOrdinaryQuestionWithNoMatch() {
        assertThat(kb.match("Wanneer wordt het grofvuil opgehaald?", "telefoon", KbServiceExtension.TENANT).value()
                .matches()).isEmpty();
    }

    @Test
    void suggestsNarrativesWhileTyping() {
        Answer<List<KbApi.Suggestion>> answer = kb.suggest("chemtr", 8, KbServiceExtension.TENANT);

        assertThat(answer.degraded()).isFalse();
        assertThat(answer.value()).extracting(KbApi.Suggestion::slug).contains("chemtrails");
    }

    @Test
    void turnsKbServicesProblemDetailIntoATypedExceptionWithItsDutchText() {
        assertThatThrownBy(() -> kb.match("   ", "telefoon", KbServiceExtension.TENANT))
                .isInstanceOfSatisfying(KbRejected.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.type()).isEqualTo("tekst-ontbreekt");
                    assertThat(e.title()).isEqualTo("Geen tekst");
                });
        assertThatThrownBy(() -> kb.match(CHEMTRAILS, "duif", KbServiceExtension.TENANT))
                .isInstanceOfSatisfying(KbRejected.class, e -> assertThat(e.title()).isEqualTo("Onbekend kanaal"));
        assertThat(kb.narrative("chemtrails", KbServiceExtension.TENANT).value().scripts()).containsKeys("telefoon", "email", "chat");
    }

    @Test
    void servesPublishedScriptsFromTheCacheWhileKbServiceIsDown(KbServiceProcess process) {
        await().atMost(Duration.ofSeconds(30)).until(() -> cache.snapshot().narratives().size() > 10);
        process.stop();
        try {
            long started = System.nanoTime();
            Answer<KbApi.MatchResponse> match = kb.match("chemtrails vliegtuigen gif", "telefoon",
                    KbServiceExtension.TENANT);
            Answer<KbApi.Narrative> narrative = kb.narrative("chemtrails", KbServiceExtension.TENANT);
            Answer<List<KbApi.Suggestion>> suggestions = kb.suggest("chemt", 5, KbServiceExtension.TENANT);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(match.degraded()).isTrue();
            assertThat(match.value().matches()).extracting(KbApi.Match::slug).first().isEqualTo("chemtrails");
            assertThat(match.value().matches().get(0).script().coreMessage()).isNotBlank();
            assertThat(narrative.degraded()).isTrue();
            assertThat(narrative.value().scripts().get("telefoon").coreMessage()).isNotBlank();
            assertThat(suggestions.value()).extracting(KbApi.Suggestion::slug).contains("chemtrails");
            // Never waiting on a dead kb-service longer than the sidebar timeout per call.
            assertThat(took).isLessThan(Duration.ofSeconds(5));
            assertThatThrownBy(() -> kb.feedback(new KbApi.Feedback(KbServiceExtension.TENANT, "chemtrails",
                    "telefoon", "hielp", null, null))).isInstanceOf(KbUnavailable.class);
        } finally {
            process.start();
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !kb.match(CHEMTRAILS, "telefoon", KbServiceExtension.TENANT).degraded());
    }
}
