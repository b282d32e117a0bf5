package nl.duiding.kb.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BestWindowsTest {

    @Test
    void keepsEachNarrativesBestWindowAndTheSecondBestScore() {
        BestWindows<String> windows = new BestWindows<>();
        windows.offer("a", 0.4, "a1");
        windows.offer("a", 0.9, "a2");
        windows.offer("a", 0.6, "a3");
        windows.offer("b", 0.7, "b1");

        assertThat(windows.best()).containsEntry("a", "a2").containsEntry("b", "b1");
        assertThat(windows.second("a")).isEqualTo(0.6);
        assertThat(windows.second("b")).as("found in one window only").isZero();
    }

    @Test
    void ofEqualScoresTheFirstWindowStaysBest() {
        BestWindows<String> windows = new BestWindows<>();
        windows.offer("a", 0.8, "first");
        windows.offer("a", 0.8, "second");

        assertThat(windows.best()).containsEntry("a", "first");
        assertThat(windows.second("a")).isEqualTo(0.8);
    }
}
