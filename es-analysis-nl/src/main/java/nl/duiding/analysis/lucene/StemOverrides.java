package nl.duiding.analysis.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter.Builder;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter.StemmerOverrideMap;

/**
 * Stems that bypass the Snowball stemmer, written as rules {@code "geteld, telde => tell"}: every
 * word left of {@code =>} gets the stem on the right. Both sides are lowercased and folded like the
 * token stream. Configured rules win over the built-in ones.
 */
public final class StemOverrides {

    /**
     * The exceptions Lucene's own DutchAnalyzer applies, so our stemming is never worse than it:
     * "fiets" would lose its s, and "kind"/"ei" would not meet "kinderen"/"eieren".
     */
    static final Map<String, String> BUILT_IN = Map.of(
            "fiets", "fiets",
            "bromfiets", "bromfiets",
            "ei", "eier",
            "kind", "kinder");

    private static final String ARROW = "=>";

    private StemOverrides() {
    }

    /**
     * @throws IllegalArgumentException naming the offending rule when a rule is not of the form
     *     {@code word[, word…] => stem}
     */
    public static StemmerOverrideMap parse(List<String> rules) {
        Builder builder = new Builder(false);
        for (String rule : rules) {
            addRule(builder, rule);
        }
        BUILT_IN.forEach(builder::add);
        try {
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build the stemmer override map", e);
        }
    }

    private static void addRule(Builder builder, String rule) {
        String[] sides = rule.split(ARROW, -1);
        if (sides.length != 2) {
            throw invalid(rule, "expected exactly one '" + ARROW + "'");
        }
        String stem = TermFolding.fold(sides[1]);
        if (stem.isEmpty()) {
            throw invalid(rule, "the stem after '" + ARROW + "' is empty");
        }
        for (String word : sides[0].split(",")) {
            String folded = TermFolding.fold(word);
            if (folded.isEmpty()) {
                throw invalid(rule, "a word before '" + ARROW + "' is empty");
            }
            builder.add(folded, stem);
        }
    }

    private static IllegalArgumentException invalid(String rule, String reason) {
        return new IllegalArgumentException(
                "Invalid stemmer override [" + rule + "]: " + reason + " (write it as \"word[, word] => stem\")");
    }
}
