package nl.duiding.kb.content;

import java.util.EnumMap;
import java.util.Map;

import nl.duiding.kb.narrative.NarrativeSchema;
import nl.duiding.kb.narrative.NarrativeWorkflow;
import nl.duiding.kb.narrative.NarrativeWorkflow.ImportOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Imports {@code content/} into the knowledge base, idempotently by content hash: an unchanged file costs one read,
 * a changed file becomes one new version (author {@value #IMPORTER}), and files with status gepubliceerd are
 * published. Invalid files are skipped and logged with file and line; the build's ContentLibraryTest stops them
 * earlier.
 */
@Component
public class ContentImporter {

    /** The name imports are recorded under in revisions. */
    public static final String IMPORTER = "content-import";

    private static final Logger log = LoggerFactory.getLogger(ContentImporter.class);

    private final NarrativeWorkflow workflow;
    private final ContentProperties properties;
    private final ApplicationEventPublisher events;
    private final NarrativeSchema schema = NarrativeSchema.load();

    ContentImporter(NarrativeWorkflow workflow, ContentProperties properties, ApplicationEventPublisher events) {
        this.workflow = workflow;
        this.properties = properties;
        this.events = events;
    }

    /** Counts per outcome, plus the files that could not be imported. */
    public record Report(Map<ImportOutcome, Integer> outcomes, int invalid) {

        public int count(ImportOutcome outcome) {
            return outcomes.getOrDefault(outcome, 0);
        }
    }

    public Report importAll() {
        ContentLibrary library = ContentLibrary.load(properties.dir(), schema);
        library.errors().forEach(problem -> log.error("Content not imported: {}", problem));
        library.unresolvedRelated().forEach(problem -> log.warn("Content: {}", problem));
        Map<ImportOutcome, Integer> outcomes = new EnumMap<>(ImportOutcome.class);
        for (NarrativeFile file : library.narratives()) {
            ImportOutcome outcome = workflow.importVersion(file.narrative(), file.status(), file.author(),
                    file.contentHash(), IMPORTER);
            outcomes.merge(outcome, 1, Integer::sum);
        }
        workflow.finishImport();
        Report report = new Report(outcomes, (int) library.errors().stream().map(ContentProblem::file).distinct().count());
        log.info("Content import from {}: {} created, {} updated, {} unchanged, {} invalid file(s)",
                properties.dir().toAbsolutePath().normalize(), report.count(ImportOutcome.CREATED),
                report.count(ImportOutcome.UPDATED), report.count(ImportOutcome.UNCHANGED), report.invalid());
        events.publishEvent(new ContentImported(report.count(ImportOutcome.CREATED),
                report.count(ImportOutcome.UPDATED), report.count(ImportOutcome.UNCHANGED), report.invalid()));
        return report;
    }
}
