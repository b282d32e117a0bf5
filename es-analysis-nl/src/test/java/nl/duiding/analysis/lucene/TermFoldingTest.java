package nl.duiding.analysis.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TermFoldingTest {

    @Test
    void lowercasesAndRemovesDiacriticsLikeTheTokenFilters() {
        assertThat(TermFolding.fold("Oekraïense")).isEqualTo("oekraiense");
        assertThat(TermFolding.fold("CAFÉ")).isEqualTo("cafe");
        assertThat(TermFolding.fold("ĳsbaan")).isEqualTo("ijsbaan");
    }

    @Test
    void stripsSurroundingWhitespace() {
        assertThat(TermFolding.fold("  azc ")).isEqualTo("azc");
    }

    @Test
    void foldAllSkipsBlankEntriesAndMatchesFoldedTokens() {
        var set = TermFolding.foldAll(List.of("Oekraïne", " ", ""));

        assertThat(set).hasSize(1);
        assertThat(set.contains("oekraine")).isTrue();
    }
}
