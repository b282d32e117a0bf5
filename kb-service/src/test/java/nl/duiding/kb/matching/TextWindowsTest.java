package nl.duiding.kb.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TextWindowsTest {

    @Test
    void aShortTextIsOneWindow() {
        assertThat(TextWindows.split("Klopt het dat er een azc komt in onze wijk?", 45, 80)).hasSize(1);
    }

    @Test
    void aLetterIsSplitIntoWindowsOfWholeSentences() {
        String sentence = "Dit is een zin van precies tien woorden over de straat. ";
        List<String> windows = TextWindows.split(sentence.repeat(20), 45, 80);

        assertThat(windows).hasSize(5).allSatisfy(w -> assertThat(w).startsWith("Dit is").endsWith("straat."));
    }

    @Test
    void bridgesReadABeliefToldAcrossAWindowsEdgeAsOne() {
        List<String> windows = List.of("Op de club hoorden we dat het tweede veld wordt opgegeven.",
                "Het schijnt al rond te zijn en de gemeente zegt niets.", "Dan de kantine.");

        List<String> read = TextWindows.withBridges(windows);

        assertThat(read).startsWith(windows.toArray(String[]::new)).hasSize(5);
        assertThat(read.get(3)).contains("tweede veld").contains("gemeente zegt niets");
        assertThat(read.get(4)).contains("gemeente zegt niets").contains("kantine");
    }
}
