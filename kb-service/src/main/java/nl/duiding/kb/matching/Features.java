package nl.duiding.kb.matching;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * What re-ranking knows about one narrative for one window of text. Coverage values are idf-weighted and lie in
 * 0..1. A "class" is a narrative or an ordinary KCC topic as a whole; a "phrasing" is one trigger phrasing or one
 * ordinary question. The ordinary values describe the best-fitting ordinary topic, the competitor that says
 * "this is an ordinary question".
 *
 * @param classCoverage            share of the text's information the narrative's words cover
 * @param phrasingCoverage         share of the best trigger phrasing found in the text
 * @param classBm25                BM25 of the narrative as a whole
 * @param phrasingBm25             best BM25 of a single phrasing
 * @param classShare               classBm25 relative to the best class (narrative or topic), 1 for the best
 * @param phrasingShare            phrasingBm25 relative to the best phrasing (trigger or ordinary question)
 * @param informativeHits          distinct informative words of the text the narrative covers
 * @param ordinaryClassCoverage    as classCoverage, for the best ordinary topic
 * @param ordinaryPhrasingCoverage as phrasingCoverage, for the best ordinary question
 * @param ordinaryShare            the best ordinary topic's BM25 relative to the best class
 * @param bestNarrative            whether this narrative has the highest class BM25 among narratives
 * @param claimCues                claim cue words in the text (0..1, three or more count as 1)
 * @param procedureCues            procedure cue words in the text (0..1, likewise)
 * @param claimLanguage            how much the text's words lean to the narratives' language rather than to ordinary
 *                                 questions ({@link ClaimLanguage}; 0 is neutral)
 * @param semantic                 the sentence vectors' view, with an embedding model ({@link TextEmbedder}); else null
 */
record Features(double classCoverage, double phrasingCoverage, double classBm25, double phrasingBm25,
        double classShare, double phrasingShare, int informativeHits, double ordinaryClassCoverage,
        double ordinaryPhrasingCoverage, double ordinaryShare, boolean bestNarrative, double claimCues,
        double procedureCues, double claimLanguage, Semantic semantic) {

    /** The inputs on words alone. */
    static final List<String> NAMES = List.of("classCoverage", "phrasingCoverage", "logClassBm25",
            "logPhrasingBm25", "classShare", "phrasingShare", "informativeHits", "ordinaryClassCoverage",
            "ordinaryPhrasingCoverage", "ordinaryShare", "bestNarrative", "coverageMargin", "claimCues",
            "procedureCues", "shareTimesCoverage", "shareOverOrdinary", "claimLanguage");
    /** The inputs with an embedding model: the words' inputs and two more. */
    static final List<String> SEMANTIC_NAMES = Stream.concat(NAMES.stream(),
            Stream.of("semanticSimilarity", "semanticMargin")).toList();

    /** The inputs of a model made with or without sentence vectors. */
    static List<String> names(boolean semantic) {
        return semantic ? SEMANTIC_NAMES : NAMES;
    }

    /** The model's input, in the order of {@link #names(boolean)}. */
    double[] vector() {
        double[] words = new double[] {
            classCoverage, phrasingCoverage, Math.log1p(classBm25), Math.log1p(phrasingBm25), classShare,
            phrasingShare, Math.min(informativeHits, 5) / 5.0, ordinaryClassCoverage, ordinaryPhrasingCoverage,
            ordinaryShare, bestNarrative ? 1 : 0,
            Math.max(classCoverage, phrasingCoverage) - Math.max(ordinaryClassCoverage, ordinaryPhrasingCoverage),
            claimCues, procedureCues,
            classShare * Math.max(classCoverage, phrasingCoverage),
            classShare * (1 - ordinaryShare),
            claimLanguage
        };
        if (semantic == null) {
            return words;
        }
        double[] all = Arrays.copyOf(words, words.length + 2);
        all[words.length] = semantic.similarity();
        all[words.length + 1] = semantic.similarity() - semantic.ordinary();
        return all;
    }

    /**
     * Cosine similarities of one window's sentence vector.
     *
     * @param similarity to the narrative's nearest trigger phrasing
     * @param ordinary   to the nearest ordinary question
     */
    record Semantic(double similarity, double ordinary) {
    }
}
