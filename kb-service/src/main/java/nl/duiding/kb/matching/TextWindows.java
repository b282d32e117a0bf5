package nl.duiding.kb.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a long text (a letter, an e-mail thread) into windows of whole sentences, so that one narrative mentioned
 * in one paragraph is not drowned by the rest. Short texts stay one window.
 */
final class TextWindows {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\R\\s*\\R|\\R(?=\\s*[-*•])");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private TextWindows() {
    }

    static List<String> split(String text, int windowWords, int maxWindows) {
        String trimmed = text.strip();
        if (wordCount(trimmed) <= windowWords * 3 / 2) {
            return List.of(trimmed);
        }
        List<String> windows = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int words = 0;
        for (String clean : sentences(trimmed, windowWords)) {
            int sentenceWords = wordCount(clean);
            if (words > 0 && words + sentenceWords > windowWords) {
                windows.add(current.toString());
                current.setLength(0);
                words = 0;
            }
            if (!current.isEmpty()) {
                current.append(' ');
            }
            current.append(clean);
            words += sentenceWords;
        }
        if (!current.isEmpty()) {
            windows.add(current.toString());
        }
        return windows.size() > maxWindows ? windows.subList(0, maxWindows) : windows;
    }

    /**
     * The windows and, after them, every pair of neighbouring windows as one: a belief told in two sentences that
     * fall on either side of a window's edge is then read whole.
     */
    static List<String> withBridges(List<String> windows) {
        List<String> all = new ArrayList<>(windows);
        for (int i = 0; i + 1 < windows.size(); i++) {
            all.add(windows.get(i) + ' ' + windows.get(i + 1));
        }
        return all;
    }

    /** Sentences, with run-on text that has no punctuation cut into pieces of one window. */
    private static List<String> sentences(String text, int windowWords) {
        List<String> sentences = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(text)) {
            String[] words = WHITESPACE.split(sentence.strip());
            if (words.length == 1 && words[0].isEmpty()) {
                continue;
            }
            for (int from = 0; from < words.length; from += windowWords) {
                sentences.add(String.join(" ", List.of(words).subList(from, Math.min(words.length, from + windowWords))));
            }
        }
        return sentences;
    }

    private static int wordCount(String text) {
        return text.isEmpty() ? 0 : WHITESPACE.split(text).length;
    }
}
