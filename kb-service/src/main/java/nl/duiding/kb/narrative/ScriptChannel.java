package nl.duiding.kb.narrative;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The channels a narrative has an answer script for: telefoon also serves the balie, email also the brief. */
public enum ScriptChannel implements Coded {
    TELEFOON("telefoon"),
    EMAIL("email"),
    CHAT("chat");

    private final String code;

    ScriptChannel(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static ScriptChannel fromCode(String code) {
        return Coded.parse(ScriptChannel.class, code);
    }
}
