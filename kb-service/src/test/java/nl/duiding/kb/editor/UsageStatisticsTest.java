package nl.duiding.kb.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import nl.duiding.kb.narrative.NarrativeRecord;
import nl.duiding.kb.narrative.PublishedNarratives;
import nl.duiding.kb.narrative.Slug;
import nl.duiding.kb.narrative.TenantCode;
import nl.duiding.kb.support.NarrativeSamples;
import org.junit.jupiter.api.Test;

class UsageStatisticsTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    /** Counts that depend on the period asked for: this period, or the one before. */
    private final FeedbackCounts counts = new FeedbackCounts() {
        @Override
        public List<Count> between(TenantCode viewer, Instant from, Instant to) {
            boolean current = to.equals(NOW);
            assertThat(Duration.between(from, to)).isEqualTo(Duration.ofDays(28));
            return current
                    ? List.of(new Count("chemtrails", "nationaal", "telefoon", 150, 90, 40, 30),
                            new Count("5g-gezondheid", "nationaal", "chat", 20, 10, 2, 8),
                            new Count("nieuw-verhaal", "nationaal", "email", 5, 1, 1, 0))
                    : List.of(new Count("chemtrails", "nationaal", "telefoon", 100, 50, 20, 10),
                            new Count("5g-gezondheid", "nationaal", "chat", 40, 10, 5, 5));
        }
    };

    private final PublishedNarratives published = new PublishedNarratives() {
        @Override
        public List<NarrativeRecord> all() {
            return visibleTo(TenantCode.NATIONAL);
        }

        @Override
        public Optional<NarrativeRecord> find(Slug slug, TenantCode tenant) {
            return Optional.empty();
        }

        @Override
        public List<NarrativeRecord> visibleTo(TenantCode tenant) {
            return List.of(NarrativeRecord.create(NarrativeSamples.narrative("chemtrails", TenantCode.NATIONAL,
                    "Chemtrails"), "a", NOW));
        }
    };

    private final UsageStatistics usage = new UsageStatistics(counts, published, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void comparesThePeriodWithThePeriodBeforeForTheTrend() {
        List<UsageStatistics.Row> rows = usage.rows(TenantCode.NATIONAL, 28);

        assertThat(rows).extracting(UsageStatistics.Row::slug)
                .containsExactly("chemtrails", "5g-gezondheid", "nieuw-verhaal");
        assertThat(rows.get(0).title()).isEqualTo("Chemtrails");
        assertThat(rows.get(0).trendPercent()).isEqualTo(50);
        assertThat(rows.get(1).trendPercent()).isEqualTo(-50);
        assertThat(rows.get(2).trendPercent()).isNull();
        assertThat(rows.get(1).notHelpedPercent()).isEqualTo(80);
    }

    @Test
    void listsTheScriptsWithTheMostHielpNietFirst() {
        assertThat(usage.mostNotHelped(TenantCode.NATIONAL, 28, 10)).extracting(UsageStatistics.Row::slug)
                .containsExactly("chemtrails", "5g-gezondheid");
    }
}
