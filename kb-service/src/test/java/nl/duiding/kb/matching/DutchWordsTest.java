package nl.duiding.kb.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DutchWordsTest {

    @Test
    void knowsAWordWhateverItsCase(@TempDir Path dir) throws IOException {
        Path list = dir.resolve("dutch");
        Files.writeString(list, "verdieping\nAmsterdam\nkoeiëvlaai\n");
        DutchWords words = new DutchWords(new MatchProperties(20000, 5, 0.55, 0.55, 0.78, 0.9, 45, 80, 9, 50,
                "classpath:matching/calibration.json", list.toString()));

        assertThat(words.available()).isTrue();
        assertThat(words.contains("Verdieping")).isTrue();
        assertThat(words.contains("amsterdam")).isTrue();
        assertThat(words.contains("koeiëvlaai")).isTrue();
        assertThat(words.contains("asielzoekerscentum")).isFalse();
    }

    @Test
    void withoutAListNothingCountsAsATypo() {
        DutchWords words = new DutchWords(new MatchProperties(20000, 5, 0.55, 0.55, 0.78, 0.9, 45, 80, 9, 50,
                "classpath:matching/calibration.json", "/nonexistent/dutch"));

        assertThat(words.available()).isFalse();
        assertThat(new DutchWords(Set.of()).available()).isFalse();
    }
}
