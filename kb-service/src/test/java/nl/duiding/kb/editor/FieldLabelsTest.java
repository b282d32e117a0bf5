package nl.duiding.kb.editor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldLabelsTest {

    @Test
    void namesFieldPathsInDutch() {
        assertThat(FieldLabels.of("scripts.chat.say[2]")).isEqualTo("Chat – wat zeg je wel 3");
        assertThat(FieldLabels.of("sources[0].url")).isEqualTo("Bron 1, adres");
        assertThat(FieldLabels.of("triggers[9]")).isEqualTo("Triggerformulering 10");
        assertThat(FieldLabels.of("playbook.steps[0]")).isEqualTo("Draaiboek – stap 1");
        assertThat(FieldLabels.of("reviewBy")).isEqualTo("Herzien vóór");
    }
}
