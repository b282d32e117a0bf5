package nl.duiding.kb.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cue words from content/analysis/cues.txt: per kind ({@code claim}, {@code procedure}) the words that say a text
 * carries a belief or demand, or asks for something practical. Stored in the match index as one document per kind,
 * so that matching compares them with a text's stems through the same analysis.
 */
record Cues(Map<String, List<String>> words) {

    static final String CLAIM = "claim";
    static final String PROCEDURE = "procedure";
    private static final String HEADER = "# cue:";

    Cues {
        words = Map.copyOf(words);
    }

    static Cues load(Path file) {
        Map<String, List<String>> words = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return new Cues(words);
        }
        try {
            String kind = null;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String trimmed = line.strip();
                if (trimmed.startsWith(HEADER)) {
                    kind = trimmed.substring(HEADER.length()).strip();
                } else if (kind != null && !trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    words.computeIfAbsent(kind, k -> new ArrayList<>()).add(trimmed);
                }
            }
            return new Cues(words);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    static String documentId(String kind) {
        return "cue|" + kind;
    }
}
