package nl.duiding.kb.narrative;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a narrative is in the editorial workflow. */
public enum NarrativeStatus implements Coded {
    CONCEPT("concept"),
    REVIEW("review"),
    GEPUBLICEERD("gepubliceerd"),
    GEARCHIVEERD("gearchiveerd");

    private final String code;

    NarrativeStatus(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static NarrativeStatus fromCode(String code) {
        return Coded.parse(NarrativeStatus.class, code);
    }
}
