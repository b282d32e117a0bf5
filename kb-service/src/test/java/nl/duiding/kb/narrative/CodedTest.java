package nl.duiding.kb.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CodedTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void writesAndReadsDutchCodesDerivedFromTheConstantName() {
        assertThat(json.writeValueAsString(Category.ASIEL_EN_OPVANG)).isEqualTo("\"asiel-en-opvang\"");
        assertThat(json.readValue("\"gepubliceerd\"", NarrativeStatus.class)).isEqualTo(NarrativeStatus.GEPUBLICEERD);
        assertThat(Risk.fromCode("hoog")).isEqualTo(Risk.HOOG);
    }

    @Test
    void keepsCodesThatDifferFromTheName() {
        assertThat(json.writeValueAsString(WorkflowAction.SUBMIT)).isEqualTo("\"ter-review\"");
    }

    @Test
    void refusesUnknownCode() {
        assertThatThrownBy(() -> Category.fromCode("onzin")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("onzin");
    }
}
