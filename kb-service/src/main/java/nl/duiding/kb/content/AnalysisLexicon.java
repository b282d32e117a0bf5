package nl.duiding.kb.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The word lists our Dutch analysis chain takes from index settings: synonym rules (Solr format) and the
 * decompounding dictionary. They live in {@code content/analysis/} so editors maintain them beside the narratives.
 */
public record AnalysisLexicon(List<String> synonymRules, List<String> compoundWords) {

    public AnalysisLexicon {
        synonymRules = List.copyOf(synonymRules);
        compoundWords = List.copyOf(compoundWords);
    }

    public static AnalysisLexicon load(Path analysisDir) {
        return new AnalysisLexicon(
                readEntries(analysisDir.resolve("synonyms.txt")),
                readEntries(analysisDir.resolve("compound-words.txt")));
    }

    /** Non-blank lines without {@code #} comments; a missing file is an empty list so a bare checkout still starts. */
    private static List<String> readEntries(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(line -> {
                        int hash = line.indexOf('#');
                        return (hash >= 0 ? line.substring(0, hash) : line).strip();
                    })
                    .filter(line -> !line.isEmpty())
                    .distinct()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
