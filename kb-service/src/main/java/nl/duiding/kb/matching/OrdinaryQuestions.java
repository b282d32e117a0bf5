package nl.duiding.kb.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The background class of matching: ordinary KCC questions (waste, passports, polling stations…) from
 * content/analysis/ordinary-questions.txt. A text that resembles one of these more than any narrative gets no match.
 */
record OrdinaryQuestions(List<Question> questions) {

    private static final String TOPIC_HEADER = "# topic:";

    OrdinaryQuestions {
        questions = List.copyOf(questions);
    }

    static OrdinaryQuestions load(Path file) {
        if (!Files.exists(file)) {
            return new OrdinaryQuestions(List.of());
        }
        try {
            List<Question> questions = new ArrayList<>();
            String topic = "algemeen";
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String trimmed = line.strip();
                if (trimmed.startsWith(TOPIC_HEADER)) {
                    topic = trimmed.substring(TOPIC_HEADER.length()).strip();
                } else if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    questions.add(new Question(topic, trimmed));
                }
            }
            return new OrdinaryQuestions(questions);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    record Question(String topic, String text) {
    }
}
