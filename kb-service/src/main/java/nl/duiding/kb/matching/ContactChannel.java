package nl.duiding.kb.matching;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import nl.duiding.kb.narrative.Coded;
import nl.duiding.kb.narrative.ScriptChannel;

/** The channel a contact came in through; the balie shares the telephone script, the brief the e-mail script. */
public enum ContactChannel implements Coded {
    TELEFOON("telefoon", ScriptChannel.TELEFOON),
    BALIE("balie", ScriptChannel.TELEFOON),
    EMAIL("email", ScriptChannel.EMAIL),
    BRIEF("brief", ScriptChannel.EMAIL),
    CHAT("chat", ScriptChannel.CHAT);

    private final String code;
    private final ScriptChannel script;

    ContactChannel(String code, ScriptChannel script) {
        this.code = code;
        this.script = script;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    public ScriptChannel scriptChannel() {
        return script;
    }

    @JsonCreator
    public static ContactChannel fromCode(String code) {
        return Coded.parse(ContactChannel.class, code);
    }
}
