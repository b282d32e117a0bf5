package nl.duiding.kb.narrative;

import com.fasterxml.jackson.annotation.JsonCreator;

/** How much harm a narrative can do; hoog means it can lead to threats or disorder. */
public enum Risk implements Coded {
    LAAG,
    MIDDEN,
    HOOG;


    @JsonCreator
    public static Risk fromCode(String code) {
        return Coded.parse(Risk.class, code);
    }
}
