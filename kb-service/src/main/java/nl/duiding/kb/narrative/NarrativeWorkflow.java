package nl.duiding.kb.narrative;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Carries out editorial changes: checks them against the schema and the workflow before anything is written, then
 * writes the working copy (conditionally on the caller's ETag), the revision, and — when something is published or
 * withdrawn — the agents' index, and tells the rest of the application.
 */
@Service
public class NarrativeWorkflow {

    private static final Logger log = LoggerFactory.getLogger(NarrativeWorkflow.class);
    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    private final WorkingCopies workingCopies;
    private final RevisionLog revisions;
    private final PublishedIndex published;
    private final NarrativeSchema schema;
    private final PersonalDataCheck personalData;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NarrativeWorkflow(WorkingCopies workingCopies, RevisionLog revisions, PublishedIndex published,
            PersonalDataCheck personalData, ApplicationEventPublisher events, Clock clock) {
        this.workingCopies = workingCopies;
        this.personalData = personalData;
        this.revisions = revisions;
        this.published = published;
        this.schema = NarrativeSchema.load();
        this.events = events;
        this.clock = clock;
    }

    /** A working copy with the ETag to send back when changing it. */
    public record Saved(NarrativeRecord record, EntityTag tag) {
    }

    public enum ImportOutcome { CREATED, UPDATED, UNCHANGED }

    public Saved create(Narrative narrative, String actor) {
        return told(narrative.tenant(), narrative.slug(), WorkflowAction.CREATE, actor, () -> {
            check(narrative, NarrativeStatus.CONCEPT, actor);
            NarrativeRecord created = NarrativeRecord.create(narrative, actor, clock.instant());
            EntityTag tag = workingCopies.create(created, true);
            revisions.append(Revision.of(null, created, WorkflowAction.CREATE, actor), true);
            return new Saved(created, tag);
        });
    }

    public Saved update(NarrativeKey key, Narrative narrative, EntityTag expected, String actor) {
        if (!NarrativeKey.of(narrative).equals(key)) {
            throw new IllegalArgumentException("Body is narrative " + NarrativeKey.of(narrative) + ", not " + key);
        }
        return told(key.tenant(), key.slug(), WorkflowAction.EDIT, actor, () -> {
            check(narrative, NarrativeStatus.CONCEPT, actor);
            WorkingCopies.Stored current = current(key, expected);
            return save(current, current.record().edit(narrative, actor, now()), WorkflowAction.EDIT, actor);
        });
    }

    public Saved transition(NarrativeKey key, WorkflowAction action, EntityTag expected, String actor) {
        return told(key.tenant(), key.slug(), action, actor, () -> applyTransition(key, action, expected, actor));
    }

    private Saved applyTransition(NarrativeKey key, WorkflowAction action, EntityTag expected, String actor) {
        WorkingCopies.Stored current = current(key, expected);
        NarrativeRecord record = current.record();
        Instant now = now();
        NarrativeRecord next = switch (action) {
            case SUBMIT -> record.submitForReview(actor, now);
            case PUBLISH -> {
                NarrativeRecord publishable = record.publish(actor, now);
                // Published content meets the stricter rules (e.g. ten trigger phrasings) that drafts need not.
                check(publishable.narrative(), NarrativeStatus.GEPUBLICEERD, record.author());
                yield publishable;
            }
            case REJECT -> record.reject(actor, now);
            case ARCHIVE -> record.archive(actor, now);
            default -> throw new IllegalArgumentException("Not a workflow transition: " + action);
        };
        Saved saved = save(current, next, action, actor);
        if (action == WorkflowAction.PUBLISH) {
            published.put(next, true);
            events.publishEvent(new NarrativePublished(next));
        } else if (action == WorkflowAction.ARCHIVE && published.remove(key, true)) {
            events.publishEvent(new NarrativeWithdrawn(key.slug(), key.tenant()));
        }
        return saved;
    }

    public Saved restore(NarrativeKey key, int version, EntityTag expected, String actor) {
        return told(key.tenant(), key.slug(), WorkflowAction.RESTORE, actor, () -> {
            Revision earlier = revisions.find(key, version)
                    .orElseThrow(() -> new RevisionNotFound(key.slug(), version));
            check(earlier.snapshot().narrative(), NarrativeStatus.CONCEPT, actor);
            WorkingCopies.Stored current = current(key, expected);
            return save(current, current.record().restore(earlier.snapshot(), actor, now()), WorkflowAction.RESTORE,
                    actor);
        });
    }

    /**
     * Carries out an editor's change and tells the rest of the application how it went (the audit log listens),
     * whether it was saved or refused.
     */
    private Saved told(TenantCode tenant, Slug slug, WorkflowAction action, String actor, Supplier<Saved> change) {
        Saved saved;
        try {
            saved = change.get();
        } catch (RuntimeException e) {
            String reason = refusal(e);
            events.publishEvent(new NarrativeChangeRefused(tenant, slug, action, actor,
                    reason == null ? "storing" : reason, reason != null));
            throw e;
        }
        events.publishEvent(new NarrativeChanged(NarrativeKey.of(saved.record().narrative()), action, actor,
                saved.record().version()));
        return saved;
    }

    /** The code of a rule that refused a change (as the editor hears it), or null for a failure. */
    private static String refusal(RuntimeException e) {
        return switch (e) {
            case FourEyesViolation x -> "vier-ogen";
            case WorkflowViolation x -> "ongeldige-statuswijziging";
            case StaleEntityTag x -> "verouderde-versie";
            case InvalidNarrative x -> "ongeldig-verhaal";
            case NarrativeAlreadyExists x -> "verhaal-bestaat-al";
            case NarrativeNotFound x -> "verhaal-niet-gevonden";
            case RevisionNotFound x -> "versie-niet-gevonden";
            case IllegalArgumentException x -> "ongeldige-invoer";
            default -> null;
        };
    }

    /**
     * Brings one content file in: nothing happens when the file is the one last imported (same hash); otherwise
     * its content and status become one new version. Refreshes are left to {@link #finishImport()}.
     */
    public ImportOutcome importVersion(Narrative narrative, NarrativeStatus status, String fileAuthor,
            String contentHash, String importer) {
        NarrativeKey key = NarrativeKey.of(narrative);
        var existing = workingCopies.find(key);
        if (existing.isPresent() && contentHash.equals(existing.get().record().contentHash())) {
            return ImportOutcome.UNCHANGED;
        }
        NarrativeRecord previous = existing.map(WorkingCopies.Stored::record).orElse(null);
        NarrativeRecord next = NarrativeRecord.imported(previous, narrative, status, fileAuthor, importer,
                contentHash, now());
        if (existing.isPresent()) {
            workingCopies.replace(next, existing.get().tag(), false);
        } else {
            workingCopies.create(next, false);
        }
        revisions.append(Revision.of(previous, next, WorkflowAction.IMPORT, importer), false);
        if (status == NarrativeStatus.GEPUBLICEERD) {
            published.put(next, false);
            events.publishEvent(new NarrativePublished(next));
        } else if (status == NarrativeStatus.GEARCHIVEERD && published.remove(key, false)) {
            events.publishEvent(new NarrativeWithdrawn(key.slug(), key.tenant()));
        }
        return existing.isPresent() ? ImportOutcome.UPDATED : ImportOutcome.CREATED;
    }

    public void finishImport() {
        workingCopies.refresh();
        revisions.refresh();
        published.refresh();
    }

    public Saved workingCopy(NarrativeKey key) {
        WorkingCopies.Stored stored = stored(key);
        return new Saved(stored.record(), stored.tag());
    }

    private WorkingCopies.Stored stored(NarrativeKey key) {
        return workingCopies.find(key).orElseThrow(() -> new NarrativeNotFound(key.slug()));
    }

    public List<Revision> revisions(NarrativeKey key) {
        List<Revision> list = revisions.list(key);
        if (list.isEmpty()) {
            throw new NarrativeNotFound(key.slug());
        }
        return list;
    }

    public Revision revision(NarrativeKey key, int version) {
        return revisions.find(key, version).orElseThrow(() -> new RevisionNotFound(key.slug(), version));
    }

    private WorkingCopies.Stored current(NarrativeKey key, EntityTag expected) {
        WorkingCopies.Stored current = stored(key);
        // Checked here too, so a stale tag is reported before any rule about the content or the workflow.
        if (!current.tag().equals(expected)) {
            throw new StaleEntityTag(key);
        }
        return current;
    }

    private Saved save(WorkingCopies.Stored current, NarrativeRecord next, WorkflowAction action, String actor) {
        EntityTag tag = workingCopies.replace(next, current.tag(), true);
        try {
            revisions.append(Revision.of(current.record(), next, action, actor), true);
        } catch (RuntimeException e) {
            // The working copy is saved; a lost revision must be noticed, but the editor's change stands.
            log.error("Saved {} version {} but could not write its revision", NarrativeKey.of(next.narrative()),
                    next.version(), e);
        }
        return new Saved(next, tag);
    }

    private void check(Narrative narrative, NarrativeStatus status, String author) {
        var frontMatter = NarrativeSchema.frontMatter(narrative, status, author);
        List<NarrativeSchema.Violation> violations = new java.util.ArrayList<>(schema.validate(frontMatter, DUTCH));
        violations.addAll(personalData.violations(frontMatter, narrative.background()));
        if (narrative.background() != null && narrative.background().length() > NarrativeSchema.MAX_BACKGROUND) {
            violations.add(new NarrativeSchema.Violation("$.background",
                    "mag maximaal " + NarrativeSchema.MAX_BACKGROUND + " tekens lang zijn", null));
        }
        if (!violations.isEmpty()) {
            throw new InvalidNarrative(violations);
        }
    }

    private Instant now() {
        return clock.instant();
    }
}
