package nl.duiding.kb.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/** One line of an evaluation file: {@code {"text": …, "expected": [slugs]}}; an empty list means "no match". */
record EvaluationCase(String text, List<String> expected) {

    EvaluationCase {
        expected = expected == null ? List.of() : List.copyOf(expected);
    }

    boolean expectsMatch() {
        return !expected.isEmpty();
    }

    static List<EvaluationCase> read(Path file, JsonMapper json) {
        try {
            List<EvaluationCase> cases = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    cases.add(json.readValue(line, EvaluationCase.class));
                }
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read evaluation file " + file, e);
        }
    }
}
