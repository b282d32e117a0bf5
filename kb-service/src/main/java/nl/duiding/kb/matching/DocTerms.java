package nl.duiding.kb.matching;

import java.util.Map;

/**
 * A retrieved match document: its group (a narrative as {@code tenant|slug}, or an ordinary topic), its BM25 score
 * and its analysed terms with their inverse document frequency.
 */
record DocTerms(String id, String kind, String group, String text, double score, Map<String, Double> idf) {

    static final String ORDINARY_GROUP_PREFIX = "ordinary|";

    boolean isOrdinary() {
        return group.startsWith(ORDINARY_GROUP_PREFIX);
    }

    boolean isTriggerLike() {
        return MatchDocument.TRIGGER.equals(kind) || MatchDocument.ORDINARY.equals(kind);
    }

    /** A whole narrative or a whole ordinary topic. */
    boolean isClass() {
        return MatchDocument.NARRATIVE.equals(kind) || MatchDocument.TOPIC.equals(kind);
    }
}
