package nl.duiding.analysis.lucene;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * Turns synonym rules in Solr format ("azc, asielzoekerscentrum" or "5g => vijfde generatie") into
 * a {@link SynonymMap}. Rules are tokenised, lowercased and folded with
 * {@link LowercaseFoldingAnalyzer}, so they match a stream that went through the same steps.
 */
public final class SynonymRules {

    private SynonymRules() {
    }

    /**
     * @param expand for equivalence rules without {@code =>}: true maps every word to all the
     *     others, false maps all of them to the first
     * @throws IllegalArgumentException naming the rule when a rule cannot be parsed
     */
    public static SynonymMap parse(List<String> rules, boolean expand) {
        try (Analyzer analyzer = new LowercaseFoldingAnalyzer()) {
            SolrSynonymParser parser = new SolrSynonymParser(true, expand, analyzer);
            for (int i = 0; i < rules.size(); i++) {
                parseRule(parser, rules.get(i), i);
            }
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build the synonym map", e);
        }
    }

    // One rule at a time, so that the error can say which rule is wrong and why.
    private static void parseRule(SolrSynonymParser parser, String rule, int index) throws IOException {
        if (isSingleTerm(rule)) {
            throw invalid(rule, index, "a rule needs at least two terms separated by ',' or '=>'. Give the rules as a"
                    + " JSON array: Elasticsearch splits a single string at its commas into one-term rules.", null);
        }
        try {
            parser.parse(new StringReader(rule));
        } catch (ParseException | IllegalArgumentException e) {
            Throwable reason = e.getCause() != null ? e.getCause() : e;
            throw invalid(rule, index, reason.getMessage(), e);
        }
    }

    /** Lucene silently ignores such a rule; it almost always means the list was given as one string. */
    private static boolean isSingleTerm(String rule) {
        String trimmed = rule.strip();
        boolean commentOrBlank = trimmed.isEmpty() || trimmed.startsWith("#");
        return !commentOrBlank && !trimmed.contains(",") && !trimmed.contains("=>");
    }

    private static IllegalArgumentException invalid(String rule, int index, String reason, Exception cause) {
        return new IllegalArgumentException("Invalid synonym rule #" + (index + 1) + " [" + rule + "]: " + reason, cause);
    }
}
