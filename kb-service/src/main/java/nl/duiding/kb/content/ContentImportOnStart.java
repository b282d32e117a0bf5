package nl.duiding.kb.content;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Runs the content import once the application is up, when {@code duiding.content.import-on-start} is true. It runs
 * first among the start-up runners, so that what follows (the match index, command-line tools) sees the content.
 */
@Component
@Order(0)
@ConditionalOnBooleanProperty(name = "duiding.content.import-on-start", matchIfMissing = true)
class ContentImportOnStart implements ApplicationRunner {

    private final ContentImporter importer;

    ContentImportOnStart(ContentImporter importer) {
        this.importer = importer;
    }

    @Override
    public void run(ApplicationArguments args) {
        importer.importAll();
    }
}
