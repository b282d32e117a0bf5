package nl.duiding.kb.narrative;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Where a narrative is in the editorial workflow. */
public enum NarrativeStatus implements Coded {
    CONCEPT,
    REVIEW,
    GEPUBLICEERD,
    GEARCHIVEERD;


    @JsonCreator
    public static NarrativeStatus fromCode(String code) {
        return Coded.parse(NarrativeStatus.class, code);
    }
}
