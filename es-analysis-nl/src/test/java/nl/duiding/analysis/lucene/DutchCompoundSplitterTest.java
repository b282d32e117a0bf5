package nl.duiding.analysis.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class DutchCompoundSplitterTest {

    private static final List<String> WORDS = List.of(
            "gemeenteraad", "gemeente", "raad", "verkiezing", "asielzoeker", "zoeker", "asiel", "centrum",
            "kip", "hok", "paard", "bloem", "uitslag", "en");

    private final DutchCompoundSplitter splitter = splitter(6, 3, false);
    private final DutchCompoundSplitter longestOnly = splitter(6, 3, true);

    @Test
    void splitsAtTheLinkingSAndKeepsTheInflectionOfTheLastPart() {
        assertThat(longestOnly.split("gemeenteraadsverkiezingen")).containsExactly("gemeenteraad", "verkiezingen");
    }

    @Test
    void prefersTheFewestParts() {
        assertThat(longestOnly.split("asielzoekerscentrum")).containsExactly("asielzoeker", "centrum");
    }

    @Test
    void handlesTheLinkingMorphemesEnAndE() {
        assertThat(longestOnly.split("kippenhok")).containsExactly("kip", "hok");
        assertThat(longestOnly.split("paardebloem")).containsExactly("paard", "bloem");
    }

    @Test
    void splitsPartsFurtherUnlessOnlyTheLongestMatchIsWanted() {
        assertThat(splitter.split("gemeenteraadsverkiezingen"))
                .containsExactly("gemeenteraad", "gemeente", "raad", "verkiezingen");
        assertThat(splitter.split("asielzoekerscentrum"))
                .containsExactly("asielzoeker", "asiel", "zoeker", "centrum");
    }

    @Test
    void splitsAListedCompoundOnlyWhenPartsMaySplitFurther() {
        assertThat(splitter.split("gemeenteraad")).containsExactly("gemeente", "raad");
        assertThat(longestOnly.split("gemeenteraad")).isEmpty();
    }

    @Test
    void leavesWordsAloneThatTheListDoesNotCoverCompletely() {
        assertThat(splitter.split("verkiezingsprogramma")).isEmpty();
        assertThat(splitter.split("raadsel")).isEmpty();
    }

    @Test
    void leavesSingleWordsWithAnInflectionAlone() {
        assertThat(splitter.split("verkiezingen")).isEmpty();
    }

    @Test
    void ignoresListedWordsShorterThanMinSubwordSize() {
        assertThat(splitter(6, 2, true).split("verkiezingen")).containsExactly("verkiezing", "en");
        assertThat(splitter(6, 3, true).split("verkiezingen")).isEmpty();
        assertThat(splitter(6, 4, true).split("kippenhok")).isEmpty();
    }

    @Test
    void doesNotSplitTokensShorterThanMinWordSize() {
        assertThat(splitter(10, 3, true).split("kippenhok")).isEmpty();
    }

    private static DutchCompoundSplitter splitter(int minWordSize, int minSubwordSize, boolean onlyLongestMatch) {
        return new DutchCompoundSplitter(TermFolding.foldAll(WORDS), minWordSize, minSubwordSize, onlyLongestMatch);
    }
}
