package nl.duiding.kb.narrative;

import com.fasterxml.jackson.annotation.JsonCreator;

/** The channels a narrative has an answer script for: telefoon also serves the balie, email also the brief. */
public enum ScriptChannel implements Coded {
    TELEFOON,
    EMAIL,
    CHAT;


    @JsonCreator
    public static ScriptChannel fromCode(String code) {
        return Coded.parse(ScriptChannel.class, code);
    }
}
