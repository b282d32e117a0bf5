package nl.duiding.kb.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class WordDiffTest {

    @Test
    void marksOnlyTheWordsThatChanged() {
        List<WordDiff.Part> parts = WordDiff.between("Bel de gemeente op werkdagen", "Bel de GGD op werkdagen");

        assertThat(parts).containsExactly(new WordDiff.Part("same", "Bel de "),
                new WordDiff.Part("removed", "gemeente "), new WordDiff.Part("added", "GGD "),
                new WordDiff.Part("same", "op werkdagen"));
    }

    @Test
    void treatsAMissingTextAsEmpty() {
        assertThat(WordDiff.between(null, "nieuw veld")).containsExactly(new WordDiff.Part("added", "nieuw veld"));
        assertThat(WordDiff.between("weg", null)).containsExactly(new WordDiff.Part("removed", "weg"));
    }
}
