package nl.duiding.kb.matching;

import com.fasterxml.jackson.annotation.JsonInclude;
import nl.duiding.kb.narrative.Narrative;

/**
 * One document of the match index. Per narrative: each trigger phrasing, a profile (title, summary and tags, with
 * the whole published narrative kept for the answer) and the narrative as a whole (profile plus all phrasings).
 * Per ordinary topic: each question and the topic as a whole. Plus the marker of the ordinary set. With an
 * embedding model, trigger phrasings and ordinary questions also carry their sentence vector ({@link TextEmbedder}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MatchDocument(String kind, String slug, String tenant, String topic, String text, String title, String hash,
        Narrative narrative, float[] embedding) {

    MatchDocument(String kind, String slug, String tenant, String topic, String text, String title, String hash,
            Narrative narrative) {
        this(kind, slug, tenant, topic, text, title, hash, narrative, null);
    }

    /** The same document with its sentence vector (only phrasings get one, when a model is configured). */
    MatchDocument withEmbedding(float[] vector) {
        return new MatchDocument(kind, slug, tenant, topic, text, title, hash, narrative, vector);
    }

    static final String TRIGGER = "trigger";
    static final String PROFILE = "profile";
    static final String NARRATIVE = "narrative";
    static final String ORDINARY = "ordinary";
    static final String TOPIC = "topic";
    static final String CUE = "cue";
    static final String META = "meta";

    static String triggerId(String tenant, String slug, int index) {
        return tenant + "|" + slug + "|t" + index;
    }

    static String profileId(String tenant, String slug) {
        return tenant + "|" + slug + "|profile";
    }

    static String narrativeId(String tenant, String slug) {
        return tenant + "|" + slug + "|narrative";
    }

    static String topicId(String topic) {
        return "ordinary|" + topic + "|topic";
    }

    static String ordinaryId(String topic, int index) {
        return "ordinary|" + topic + "|" + index;
    }

    static final String ORDINARY_MARKER_ID = "ordinary|_meta";
}
