package nl.duiding.kb.narrative;

import java.time.Instant;
import java.util.Objects;

/**
 * A narrative as stored: its content plus editorial state. {@code version} counts saved changes (every change,
 * a status change too, writes one revision with that number); {@code contentHash} is the hash of the content file
 * this record was last imported from, so the importer can skip unchanged files.
 *
 * <p>The workflow lives here: concept → review → gepubliceerd → gearchiveerd, with {@link #publish} enforcing
 * four-eyes. Every method returns a new record; nothing is written until the caller stores it.
 */
public record NarrativeRecord(
        Narrative narrative,
        NarrativeStatus status,
        int version,
        String author,
        String lastEditor,
        Instant createdAt,
        Instant updatedAt,
        String contentHash,
        Instant publishedAt,
        String publishedBy) {

    public NarrativeRecord {
        Objects.requireNonNull(narrative, "narrative");
        Objects.requireNonNull(status, "status");
        if (version < 1) {
            throw new IllegalArgumentException("Versions start at 1: " + version);
        }
    }

    /** A new narrative written by {@code author}: concept, version 1. */
    public static NarrativeRecord create(Narrative narrative, String author, Instant now) {
        return new NarrativeRecord(narrative, NarrativeStatus.CONCEPT, 1, author, author, now, now, null, null, null);
    }

    public Slug slug() {
        return narrative.slug();
    }

    public TenantCode tenant() {
        return narrative.tenant();
    }

    /** New content from an editor. Any edit, also of a narrative in review or published, starts again as concept. */
    public NarrativeRecord edit(Narrative changed, String editor, Instant now) {
        requireSameIdentity(changed);
        return new NarrativeRecord(changed, NarrativeStatus.CONCEPT, version + 1, author, editor, createdAt, now,
                contentHash, publishedAt, publishedBy);
    }

    public NarrativeRecord submitForReview(String editor, Instant now) {
        requireStatus(WorkflowAction.SUBMIT, NarrativeStatus.CONCEPT);
        return withStatus(NarrativeStatus.REVIEW, now);
    }

    /** Publishing needs a second person: the approver may not be the one who last changed the content. */
    public NarrativeRecord publish(String approver, Instant now) {
        requireStatus(WorkflowAction.PUBLISH, NarrativeStatus.REVIEW);
        if (approver.equals(lastEditor)) {
            throw new FourEyesViolation(slug(), approver);
        }
        return new NarrativeRecord(narrative, NarrativeStatus.GEPUBLICEERD, version + 1, author, lastEditor,
                createdAt, now, contentHash, now, approver);
    }

    /** Sends a narrative in review back to its editors. */
    public NarrativeRecord reject(String reviewer, Instant now) {
        requireStatus(WorkflowAction.REJECT, NarrativeStatus.REVIEW);
        return withStatus(NarrativeStatus.CONCEPT, now);
    }

    public NarrativeRecord archive(String actor, Instant now) {
        if (status == NarrativeStatus.GEARCHIVEERD) {
            throw new WorkflowViolation(slug(), WorkflowAction.ARCHIVE, status);
        }
        return withStatus(NarrativeStatus.GEARCHIVEERD, now);
    }

    /** Takes back the content of an earlier revision as a new concept version. */
    public NarrativeRecord restore(NarrativeRecord earlier, String editor, Instant now) {
        return edit(earlier.narrative(), editor, now);
    }

    /**
     * The version a content file describes, imported in one step. The file went through review in git, which is
     * this path's four-eyes; so a file with status gepubliceerd is published as it stands.
     */
    public static NarrativeRecord imported(NarrativeRecord previous, Narrative narrative, NarrativeStatus status,
            String fileAuthor, String importer, String contentHash, Instant now) {
        boolean published = status == NarrativeStatus.GEPUBLICEERD;
        if (previous == null) {
            return new NarrativeRecord(narrative, status, 1, fileAuthor, importer, now, now, contentHash,
                    published ? now : null, published ? importer : null);
        }
        previous.requireSameIdentity(narrative);
        return new NarrativeRecord(narrative, status, previous.version + 1, previous.author, importer,
                previous.createdAt, now, contentHash, published ? now : previous.publishedAt,
                published ? importer : previous.publishedBy);
    }

    private NarrativeRecord withStatus(NarrativeStatus next, Instant now) {
        return new NarrativeRecord(narrative, next, version + 1, author, lastEditor, createdAt, now, contentHash,
                publishedAt, publishedBy);
    }

    private void requireStatus(WorkflowAction action, NarrativeStatus required) {
        if (status != required) {
            throw new WorkflowViolation(slug(), action, status);
        }
    }

    private void requireSameIdentity(Narrative changed) {
        if (!changed.slug().equals(slug()) || !changed.tenant().equals(tenant())) {
            throw new IllegalArgumentException("A narrative keeps its slug and tenant: " + slug() + "/" + tenant()
                    + " cannot become " + changed.slug() + "/" + changed.tenant());
        }
    }
}
