package nl.duiding.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ReadmeTest {

    /** kb-service copies the settings from the README; the integration tests prove them on a real node. */
    @Test
    void readmeShowsExactlyTheIndexSettingsTheIntegrationTestsUse() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String tested = Files.readString(Path.of("src/test/resources/recommended-index.json")).strip();

        assertThat(readme).contains("```json\n" + tested + "\n```");
    }
}
