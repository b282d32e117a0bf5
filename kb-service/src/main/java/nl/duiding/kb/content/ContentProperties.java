package nl.duiding.kb.content;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the curated content lives: narratives, schema and the analysis lexicon.
 *
 * @param dir           the {@code content/} folder of the repository (or a copy of it in production)
 * @param importOnStart whether kb-service imports the folder when it starts
 * @param exportDir     where {@code POST /api/v1/content/export} writes the published narratives as files
 */
@ConfigurationProperties("duiding.content")
public record ContentProperties(@DefaultValue("content") Path dir, @DefaultValue("true") boolean importOnStart,
        @DefaultValue("content-export") Path exportDir) {

    public Path analysisDir() {
        return dir.resolve("analysis");
    }
}
