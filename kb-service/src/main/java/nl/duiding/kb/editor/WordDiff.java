package nl.duiding.kb.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word-level difference between two texts for people: the parts both share, the removed and the added words, in
 * order. Longest common subsequence over words; for very long texts (beyond {@link #MAX_CELLS}) it gives up on
 * detail and shows the old text removed and the new one added.
 */
public final class WordDiff {

    private static final Pattern WORDS = Pattern.compile("\\S+\\s*|\\s+");
    private static final long MAX_CELLS = 4_000_000;

    /** {@code kind}: same, removed or added. */
    public record Part(String kind, String text) {
    }

    private WordDiff() {
    }

    public static List<Part> between(String before, String after) {
        List<String> a = words(before);
        List<String> b = words(after);
        List<Part> parts = new ArrayList<>();
        if ((long) a.size() * b.size() > MAX_CELLS) {
            add(parts, "removed", String.join("", a));
            add(parts, "added", String.join("", b));
            return parts;
        }
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).strip().equals(b.get(j).strip()) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).strip().equals(b.get(j).strip())) {
                add(parts, "same", b.get(j));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                add(parts, "removed", a.get(i++));
            } else {
                add(parts, "added", b.get(j++));
            }
        }
        while (i < a.size()) {
            add(parts, "removed", a.get(i++));
        }
        while (j < b.size()) {
            add(parts, "added", b.get(j++));
        }
        return parts;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        Matcher m = WORDS.matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    private static void add(List<Part> parts, String kind, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (!parts.isEmpty() && parts.getLast().kind().equals(kind)) {
            Part last = parts.removeLast();
            parts.add(new Part(kind, last.text() + text));
        } else {
            parts.add(new Part(kind, text));
        }
    }
}
