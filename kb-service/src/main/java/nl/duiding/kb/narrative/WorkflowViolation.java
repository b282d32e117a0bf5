package nl.duiding.kb.narrative;

/** A transition the workflow does not allow from the narrative's current status (e.g. publishing a concept). */
public class WorkflowViolation extends RuntimeException {

    private final transient Slug slug;
    private final WorkflowAction action;
    private final NarrativeStatus status;

    public WorkflowViolation(Slug slug, WorkflowAction action, NarrativeStatus status) {
        super("Cannot " + action + " narrative " + slug + " in status " + status.code());
        this.slug = slug;
        this.action = action;
        this.status = status;
    }

    public Slug slug() {
        return slug;
    }

    public WorkflowAction action() {
        return action;
    }

    public NarrativeStatus status() {
        return status;
    }
}
