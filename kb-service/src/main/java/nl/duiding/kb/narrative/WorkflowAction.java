package nl.duiding.kb.narrative;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What happened to a narrative in one revision. */
public enum WorkflowAction implements Coded {
    CREATE("aangemaakt"),
    EDIT("bewerkt"),
    SUBMIT("ter-review"),
    PUBLISH("gepubliceerd"),
    REJECT("afgewezen"),
    ARCHIVE("gearchiveerd"),
    RESTORE("hersteld"),
    IMPORT("geimporteerd");

    private final String code;

    WorkflowAction(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static WorkflowAction fromCode(String code) {
        return Coded.parse(WorkflowAction.class, code);
    }
}
