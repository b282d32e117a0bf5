package nl.duiding.kb.content;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** Runs the content import once the application is up, when {@code duiding.content.import-on-start} is true. */
@Component
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
