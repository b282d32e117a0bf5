package nl.duiding.kb.narrative;

/** The answer scripts of a narrative, one per channel. */
public record Scripts(Script telefoon, Script email, Script chat) {

    public Script forChannel(ScriptChannel channel) {
        return switch (channel) {
            case TELEFOON -> telefoon;
            case EMAIL -> email;
            case CHAT -> chat;
        };
    }
}
