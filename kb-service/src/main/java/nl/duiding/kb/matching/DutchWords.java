package nl.duiding.kb.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The Dutch word list ({@code duiding.matching.word-list}, Debian's wdutch from OpenTaal by default): a word on it is
 * spelt right even when no narrative uses it, so only words off it are typos worth correcting. Without the list no
 * word is corrected.
 */
@Component
class DutchWords {

    private static final Logger log = LoggerFactory.getLogger(DutchWords.class);

    private final Set<String> words;

    @Autowired
    DutchWords(MatchProperties properties) {
        this(load(properties.wordList()));
    }

    DutchWords(Set<String> words) {
        this.words = words;
    }

    /** Whether the list is there: without it, nothing can be told apart from a typo. */
    boolean available() {
        return !words.isEmpty();
    }

    boolean contains(String word) {
        return words.contains(word.toLowerCase(Locale.ROOT));
    }

    private static Set<String> load(String wordList) {
        if (wordList == null || wordList.isBlank() || !Files.isReadable(Path.of(wordList))) {
            log.info("No Dutch word list at '{}': misspelt words are matched by the fuzzy pass only", wordList);
            return Set.of();
        }
        try (var lines = Files.lines(Path.of(wordList), StandardCharsets.UTF_8)) {
            Set<String> words = new HashSet<>();
            lines.map(String::strip).filter(w -> !w.isEmpty()).forEach(w -> words.add(w.toLowerCase(Locale.ROOT)));
            log.info("Dutch word list: {} words from {}", words.size(), wordList);
            return Collections.unmodifiableSet(words);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Dutch word list " + wordList, e);
        }
    }
}
