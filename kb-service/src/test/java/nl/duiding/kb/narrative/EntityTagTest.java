package nl.duiding.kb.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntityTagTest {

    @Test
    void roundTripsThroughTheHeader() {
        EntityTag tag = new EntityTag(42, 3);

        assertThat(tag.headerValue()).isEqualTo("\"42-3\"");
        assertThat(EntityTag.parse(tag.headerValue())).contains(tag);
        assertThat(EntityTag.parse("W/\"42-3\"")).contains(tag);
    }

    @Test
    void ignoresTagsWeNeverIssued() {
        assertThat(EntityTag.parse("*")).isEmpty();
        assertThat(EntityTag.parse("\"abc\"")).isEmpty();
        assertThat(EntityTag.parse("\"99999999999999999999-1\"")).isEmpty();
        assertThat(EntityTag.parse(null)).isEmpty();
    }
}
