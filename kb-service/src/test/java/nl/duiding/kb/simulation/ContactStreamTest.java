package nl.duiding.kb.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import nl.duiding.kb.signal.TextFingerprint;
import org.junit.jupiter.api.Test;

/** The simulated stream: reproducible, and its ordinary questions worded as differently as residents word them. */
class ContactStreamTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    @Test
    void theSameSeedGivesTheSameStream() {
        ContactStream material = ContactStream.fromContent(Path.of("../content"));
        var settings = new ContactStream.Settings(9, LocalDate.of(2026, 3, 2), 2, ZONE, 300, 30, 7, 1, 1);
        assertThat(material.generate(settings)).isEqualTo(material.generate(settings));
    }

    @Test
    void residentsWordTheSameQuestionDifferently() {
        String question = "ja goedemorgen, ik bel even over het grofvuil, hoe maak ik een afspraak om een oude bank "
                + "te laten ophalen?";
        Random rnd = new Random(3);
        List<Set<Long>> texts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            texts.add(TextFingerprint.shingles(Paraphraser.paraphrase(question, null,
                    Paraphraser.Style.values()[i % 4], rnd)));
        }
        int pairs = 0;
        int nearIdentical = 0;
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                pairs++;
                if (TextFingerprint.jaccard(texts.get(i), texts.get(j)) >= 0.45) {
                    nearIdentical++;
                }
            }
        }
        // The detector's similarity threshold is 0.45; a template letter's copies are mostly above it.
        assertThat((double) nearIdentical / pairs).isLessThan(0.1);
    }

    @Test
    void injectedCampaignsAreNearIdenticalAndFromManyResidents() {
        var stream = ContactStream.fromContent(Path.of("../content")).generate(new ContactStream.Settings(12,
                LocalDate.of(2026, 3, 2), 7, ZONE, 200, 20, 7, 0, 0));
        var campaign = stream.contacts().stream().filter(c -> c.kind().equals("belactie")).toList();
        assertThat(campaign).isNotEmpty();
        int group = campaign.getFirst().group();
        var members = campaign.stream().filter(c -> c.group() == group).toList();
        var first = TextFingerprint.shingles(members.getFirst().text());
        long similar = members.stream().skip(1)
                .filter(c -> TextFingerprint.jaccard(TextFingerprint.shingles(c.text()), first) >= 0.3).count();
        assertThat(similar).isGreaterThan((members.size() - 1) / 2);
        assertThat(members.stream().map(ContactStream.Contact::residentHash).distinct().count())
                .isGreaterThan(members.size() / 2);
    }
}
