package nl.duiding.kb.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The word lists our Dutch analysis chain takes from index settings: synonym rules (Solr format), the
 * decompounding dictionary and extra stopwords. They live in {@code content/analysis/} so editors maintain them
 * beside the narratives.
 *
 * @param stopwords the stop filter's list: {@code _dutch_} (Lucene's Dutch list) followed by our extra words
 */
public record AnalysisLexicon(List<String> synonymRules, List<String> compoundWords, List<String> stopwords) {

    private static final String DUTCH_DEFAULT_STOPWORDS = "_dutch_";

    public AnalysisLexicon {
        synonymRules = List.copyOf(synonymRules);
        compoundWords = List.copyOf(compoundWords);
        stopwords = List.copyOf(stopwords);
    }

    public static AnalysisLexicon load(Path analysisDir) {
        List<String> stopwords = new ArrayList<>();
        stopwords.add(DUTCH_DEFAULT_STOPWORDS);
        stopwords.addAll(readEntries(analysisDir.resolve("stopwords.txt")));
        return new AnalysisLexicon(
                readEntries(analysisDir.resolve("synonyms.txt")),
                readEntries(analysisDir.resolve("compound-words.txt")),
                stopwords);
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
