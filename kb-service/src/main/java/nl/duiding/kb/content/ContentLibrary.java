package nl.duiding.kb.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import nl.duiding.kb.narrative.NarrativeKey;
import nl.duiding.kb.narrative.NarrativeSchema;
import nl.duiding.kb.narrative.Slug;
import tools.jackson.databind.JsonNode;

/**
 * All narrative files under {@code content/narratives/} (sub-folders too), checked one by one against the schema
 * and together for what a schema cannot see: the slug equals the file name, a tenant has each slug once, and
 * related slugs name narratives that exist.
 *
 * @param narratives the valid files
 * @param errors     problems that make a file unusable or the library inconsistent; the build fails on them
 * @param unresolvedRelated related slugs that name no narrative in this folder: the repository's library may have
 *                   none (its build check fails on them), while a partial export or a test fixture may
 */
public record ContentLibrary(List<NarrativeFile> narratives, List<ContentProblem> errors,
        List<ContentProblem> unresolvedRelated) {

    public ContentLibrary {
        narratives = List.copyOf(narratives);
        errors = List.copyOf(errors);
        unresolvedRelated = List.copyOf(unresolvedRelated);
    }

    /** Reads and checks every narrative file: schema, slug = file name, unique per tenant, related slugs exist. */
    public static ContentLibrary load(Path contentDir, NarrativeSchema schema) {
        Path narrativesDir = contentDir.resolve("narratives");
        NarrativeFileReader reader = new NarrativeFileReader(schema);
        List<NarrativeFile> valid = new ArrayList<>();
        List<ContentProblem> errors = new ArrayList<>();
        Map<NarrativeFile, JsonNode> frontMatters = new HashMap<>();
        Map<NarrativeKey, String> seen = new HashMap<>();

        for (Path file : markdownFiles(narrativesDir)) {
            String display = display(contentDir, file);
            NarrativeFileReader.Result result = reader.read(display, read(file));
            errors.addAll(result.problems());
            if (!result.valid()) {
                continue;
            }
            NarrativeFile narrative = result.file();
            String expected = file.getFileName().toString().replaceFirst("\\.md$", "");
            if (!narrative.narrative().slug().value().equals(expected)) {
                errors.add(new ContentProblem(display, Lines.of(result.frontMatter(), "$.slug"),
                        "$.slug: '" + narrative.narrative().slug() + "' must equal the file name '" + expected + "'"));
                continue;
            }
            NarrativeKey key = NarrativeKey.of(narrative.narrative());
            String earlier = seen.putIfAbsent(key, display);
            if (earlier != null) {
                errors.add(new ContentProblem(display, Lines.of(result.frontMatter(), "$.slug"),
                        "$.slug: '" + key.slug() + "' of tenant " + key.tenant() + " is already defined in " + earlier));
                continue;
            }
            valid.add(narrative);
            frontMatters.put(narrative, result.frontMatter());
        }

        List<ContentProblem> unresolved = new ArrayList<>();
        Set<Slug> known = valid.stream().map(f -> f.narrative().slug()).collect(Collectors.toSet());
        for (NarrativeFile file : valid) {
            JsonNode related = frontMatters.get(file).get("related");
            List<Slug> slugs = file.narrative().related();
            for (int i = 0; i < slugs.size(); i++) {
                if (!known.contains(slugs.get(i))) {
                    unresolved.add(new ContentProblem(file.path(), Lines.of(frontMatters.get(file), "$.related[" + i + "]"),
                            "$.related[" + i + "]: no narrative '" + slugs.get(i) + "' in the library"));
                }
            }
        }
        return new ContentLibrary(valid, errors, unresolved);
    }

    private static List<Path> markdownFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".md"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** content/narratives/x.md, as an editor sees it in the repository. */
    private static String display(Path contentDir, Path file) {
        Path base = contentDir.toAbsolutePath().normalize();
        Path name = base.getFileName() == null ? Path.of("content") : base.getFileName();
        return name.resolve(base.relativize(file.toAbsolutePath().normalize())).toString().replace('\\', '/');
    }
}
