package nl.duiding.kb.matching;

/** Inverse document frequency as Lucene's BM25 computes it, so our weights agree with Elasticsearch's scores. */
final class Idf {

    private Idf() {
    }

    static double of(long docFreq, long docCount) {
        return Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
    }

    /**
     * A word no document contains (a street name, a typo, a topic we do not know). It counts half as much as the
     * rarest known word: it says the text is about something else, but names and typos are common in real notes.
     */
    static double unknown(long docCount) {
        return 0.5 * of(0, Math.max(docCount, 1));
    }
}
