package nl.duiding.kb.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Collectors;

import nl.duiding.kb.narrative.NarrativeSchema;
import org.junit.jupiter.api.Test;

/**
 * The repository's own content, checked during every build: an invalid file fails it with file, line and what is
 * wrong. Runs from the kb-service module, so the content folder is one level up.
 */
class ContentLibraryTest {

    private static final Path CONTENT = Path.of("..", "content");

    private final ContentLibrary library = ContentLibrary.load(CONTENT, NarrativeSchema.load());

    @Test
    void everyNarrativeFileInTheRepositoryIsValid() {
        assertThat(library.errors())
                .as("content errors:%n%s", library.errors().stream().map(ContentProblem::toString)
                        .collect(Collectors.joining(System.lineSeparator())))
                .isEmpty();
    }

    @Test
    void everyRelatedSlugNamesANarrativeOfTheLibrary() {
        assertThat(library.unresolvedRelated()).isEmpty();
    }

    @Test
    void theRepositoryHoldsNarratives() {
        assertThat(library.narratives()).isNotEmpty();
    }

    @Test
    void everyFileSurvivesAnExportUnchanged() {
        NarrativeFileReader reader = new NarrativeFileReader(NarrativeSchema.load());
        NarrativeFileWriter writer = new NarrativeFileWriter();
        for (NarrativeFile file : library.narratives()) {
            String exported = writer.write(file.narrative(), file.status(), file.author());
            NarrativeFileReader.Result again = reader.read(file.path(), exported);
            assertThat(again.problems()).as(file.path()).isEmpty();
            assertThat(again.file().narrative()).as(file.path()).isEqualTo(file.narrative());
            assertThat(again.file().status()).isEqualTo(file.status());
            assertThat(again.file().author()).isEqualTo(file.author());
        }
    }
}
