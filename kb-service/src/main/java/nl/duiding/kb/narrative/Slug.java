package nl.duiding.kb.narrative;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A narrative's permanent identifier: lowercase words joined by dashes. */
public record Slug(String value) {

    private static final String PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";

    @JsonCreator
    public Slug {
        if (value == null || value.length() > 80 || !value.matches(PATTERN)) {
            throw new IllegalArgumentException("Not a valid slug: " + value);
        }
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
