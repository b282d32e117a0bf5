package nl.duiding.kb.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import nl.duiding.kb.support.NarrativeSamples;
import org.junit.jupiter.api.Test;

class NarrativeDiffTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @Test
    void namesEachChangedFieldByItsPathWithBeforeAndAfter() {
        NarrativeRecord before = NarrativeRecord.create(NarrativeSamples.narrative("diff"), "anna", T0);
        Narrative n = before.narrative();
        List<String> triggers = new ArrayList<>(n.triggers());
        triggers.set(3, "Beller vraagt iets heel anders");
        Narrative changed = new Narrative(n.slug(), "Nieuwe titel", n.summary(), n.category(), n.tags(), Risk.HOOG,
                n.tenant(), n.validFrom(), n.validUntil(), n.reviewBy(), triggers, n.scripts(), n.legalPosition(),
                n.legalBasis(), n.safetySignals(), n.playbook(), n.sources(), n.related(), n.background());

        List<FieldChange> changes = NarrativeDiff.between(before, before.edit(changed, "bert", T0).submitForReview("bert", T0));

        assertThat(changes).containsExactly(
                new FieldChange("status", "concept", "review"),
                new FieldChange("title", "Gerucht over diff", "Nieuwe titel"),
                new FieldChange("risk", "midden", "hoog"),
                new FieldChange("triggers[3]", "Beller vraagt naar diff variant 4", "Beller vraagt iets heel anders"));
    }

    @Test
    void listsEveryFieldAsAddedForTheFirstVersion() {
        NarrativeRecord first = NarrativeRecord.create(NarrativeSamples.narrative("diff"), "anna", T0);

        assertThat(NarrativeDiff.between(null, first))
                .allSatisfy(change -> assertThat(change.before()).isNull())
                .extracting(FieldChange::field).contains("slug", "title", "scripts.chat.coreMessage");
    }
}
