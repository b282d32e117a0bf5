package nl.duiding.kb.narrative;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How much harm a narrative can do; hoog means it can lead to threats or disorder. */
public enum Risk implements Coded {
    LAAG("laag"),
    MIDDEN("midden"),
    HOOG("hoog");

    private final String code;

    Risk(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static Risk fromCode(String code) {
        return Coded.parse(Risk.class, code);
    }
}
