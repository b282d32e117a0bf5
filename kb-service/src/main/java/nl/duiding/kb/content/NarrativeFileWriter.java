package nl.duiding.kb.content;

import nl.duiding.kb.narrative.Narrative;
import nl.duiding.kb.narrative.NarrativeSchema;
import nl.duiding.kb.narrative.NarrativeStatus;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Writes a narrative in the content file format that {@link NarrativeFileReader} reads: front matter in the
 * schema's field order (so exports diff cleanly in git review), then the background as Markdown.
 */
public final class NarrativeFileWriter {

    private final YAMLMapper yaml = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
            .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
            // Long lines stay whole: split lines come out as escaped continuations that read badly in review.
            .disable(YAMLWriteFeature.SPLIT_LINES)
            .build();

    public String write(Narrative narrative, NarrativeStatus status, String author) {
        String frontMatter = yaml.writeValueAsString(NarrativeSchema.frontMatter(narrative, status, author));
        StringBuilder file = new StringBuilder("---\n").append(frontMatter);
        if (!frontMatter.endsWith("\n")) {
            file.append('\n');
        }
        file.append("---\n");
        if (narrative.background() != null && !narrative.background().isBlank()) {
            file.append(narrative.background().strip()).append('\n');
        }
        return file.toString();
    }
}
