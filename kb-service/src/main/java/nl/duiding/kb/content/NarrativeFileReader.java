package nl.duiding.kb.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import com.networknt.schema.serialization.node.LocationJsonNodeFactoryFactory;
import com.networknt.schema.serialization.node.TokenStreamLocationAware;
import com.networknt.schema.utils.JsonNodes;
import nl.duiding.kb.narrative.Narrative;
import nl.duiding.kb.narrative.NarrativeSchema;
import nl.duiding.kb.narrative.NarrativeStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a narrative file: YAML front matter between two {@code ---} lines, then Markdown (the background). The
 * front matter is read into a tree that remembers where each value stood, so every schema violation is reported
 * with the line an editor has to fix.
 */
public final class NarrativeFileReader {

    private static final String DELIMITER = "---";

    private final NarrativeSchema schema;
    private final YAMLMapper yaml;

    public NarrativeFileReader(NarrativeSchema schema) {
        this.schema = schema;
        this.yaml = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    }

    /** Either a narrative or the problems that stop it from being one. */
    public record Result(NarrativeFile file, List<ContentProblem> problems, JsonNode frontMatter) {

        public boolean valid() {
            return file != null;
        }
    }

    public Result read(String path, String text) {
        String normalized = text.replace("\r\n", "\n");
        if (normalized.startsWith("\uFEFF")) {
            normalized = normalized.substring(1);
        }
        String[] lines = normalized.split("\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals(DELIMITER)) {
            return failed(path, 1, "the file must start with a line '---' that opens the YAML front matter");
        }
        int closing = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].strip().equals(DELIMITER)) {
                closing = i;
                break;
            }
        }
        if (closing < 0) {
            return failed(path, 1, "the front matter is not closed by a line '---'");
        }
        String frontMatterText = String.join("\n", Arrays.copyOfRange(lines, 1, closing)) + "\n";
        String background = String.join("\n", Arrays.copyOfRange(lines, closing + 1, lines.length)).strip();

        JsonNode frontMatter;
        try {
            frontMatter = JsonNodes.readTree(yaml, frontMatterText, LocationJsonNodeFactoryFactory.getInstance());
        } catch (JacksonException e) {
            TokenStreamLocation location = e.getLocation();
            int line = location == null ? 1 : Math.max(1, location.getLineNr()) + Lines.FRONT_MATTER_OFFSET;
            return failed(path, line, "YAML: " + e.getOriginalMessage());
        }
        if (frontMatter == null || !frontMatter.isObject()) {
            return failed(path, 2, "the front matter must be a YAML mapping of fields");
        }

        List<ContentProblem> problems = new ArrayList<>();
        for (NarrativeSchema.Violation violation : schema.validate(frontMatter, Locale.ENGLISH)) {
            int line = violation.node() instanceof TokenStreamLocationAware
                    ? Lines.of(violation.node())
                    : Lines.of(frontMatter, violation.path());
            problems.add(new ContentProblem(path, line, violation.toString()));
        }
        if (background.length() > NarrativeSchema.MAX_BACKGROUND) {
            problems.add(new ContentProblem(path, closing + 2, "the background (Markdown body) is longer than "
                    + NarrativeSchema.MAX_BACKGROUND + " characters"));
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems, frontMatter);
        }
        try {
            Narrative narrative = NarrativeSchema.narrative(frontMatter, background.isEmpty() ? null : background);
            NarrativeStatus status = NarrativeStatus.fromCode(frontMatter.get("status").asString());
            String author = frontMatter.get("author").asString();
            return new Result(new NarrativeFile(path, narrative, status, author, sha256(normalized)), List.of(),
                    frontMatter);
        } catch (JacksonException | IllegalArgumentException e) {
            // The schema passed, so this is a value Java cannot take (a date such as 2026-02-30).
            int line = 2;
            String where = "";
            if (e instanceof DatabindException bind && !bind.getPath().isEmpty()) {
                where = jsonPath(bind) + ": ";
                line = Lines.of(frontMatter.at(pointer(bind)));
            }
            String message = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
            return new Result(null, List.of(new ContentProblem(path, line, where + message)), frontMatter);
        }
    }

    private static String jsonPath(DatabindException e) {
        StringBuilder path = new StringBuilder("$");
        e.getPath().forEach(ref -> path.append(ref.getPropertyName() != null
                ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]"));
        return path.toString();
    }

    private static String pointer(DatabindException e) {
        StringBuilder pointer = new StringBuilder();
        e.getPath().forEach(ref -> pointer.append('/')
                .append(ref.getPropertyName() != null ? ref.getPropertyName() : String.valueOf(ref.getIndex())));
        return pointer.toString();
    }

    private static Result failed(String path, int line, String message) {
        return new Result(null, List.of(new ContentProblem(path, line, message)), null);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
