package nl.duiding.kb.matching;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A window of the resident's text as the search analyzer sees it: per position the tokens there (a word, its
 * synonyms and compound parts), how informative the position is, and where it sits in the text for evidence; plus
 * the corrections of its misspelt words ({@link Spelling}), which the search gets beside the text.
 */
record QueryTerms(String text, List<Position> positions, String corrections) {

    QueryTerms {
        positions = List.copyOf(positions);
        corrections = corrections == null ? "" : corrections;
    }

    QueryTerms(String text, List<Position> positions) {
        this(text, positions, "");
    }

    /** What the search looks for: the text as written, and the right spelling of its misspelt words. */
    String searchText() {
        return corrections.isEmpty() ? text : text + " " + corrections;
    }

    /** Every token of the window: its words' stems, synonyms and compound parts. */
    Set<String> tokens() {
        return tokensWhere(false);
    }

    /** The tokens at positions no document knows (names, typos, other topics). */
    Set<String> unknownTokens() {
        return tokensWhere(true);
    }

    private Set<String> tokensWhere(boolean unknownOnly) {
        Set<String> tokens = new HashSet<>();
        positions.stream().filter(p -> !unknownOnly || !p.known()).forEach(p -> tokens.addAll(p.tokens()));
        return tokens;
    }

    double totalWeight() {
        return positions.stream().mapToDouble(Position::weight).sum();
    }

    /** The words as written at positions no document knows, for a typo-tolerant search. */
    String unknownWords() {
        StringBuilder words = new StringBuilder();
        for (Position position : positions) {
            if (!position.known()) {
                words.append(wordAt(position)).append(' ');
            }
        }
        return words.toString().strip();
    }

    /** The word as written at a position; empty when the analyzer gave it no span in this text. */
    String wordAt(Position position) {
        return position.end() > position.start() && position.end() <= text.length()
                ? text.substring(position.start(), position.end()) : "";
    }

    /** {@code known}: some token here occurs in the index; unknown words are names, typos or other topics. */
    record Position(int index, Set<String> tokens, double weight, boolean known, int start, int end) {
    }
}
