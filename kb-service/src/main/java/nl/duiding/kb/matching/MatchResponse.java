package nl.duiding.kb.matching;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import nl.duiding.kb.narrative.Narrative;
import nl.duiding.kb.narrative.Script;

/** The narratives a text matches, best first, and the belacties running for them. */
public record MatchResponse(List<MatchedNarrative> matches, List<Object> belacties) {

    /**
     * @param score      calibrated probability (0..1) that the text is about this narrative
     * @param confidence hoog, middel or laag
     * @param evidence   fragments of the text, HTML-escaped, with the matching words in {@code <em>}
     * @param closestPhrasing the trigger phrasing most like the text
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MatchedNarrative(String slug, String title, double score, String confidence, List<String> evidence,
            ScriptForChannel script, String category, String risk, String tenant, String closestPhrasing,
            String legalPosition, List<String> safetySignals, Narrative.Playbook playbook) {
    }

    /** The answer script for the contact's channel. */
    public record ScriptForChannel(String channel, String coreMessage, List<String> say, List<String> avoid,
            List<String> askFurther, List<Script.Referral> referral, String registration) {

        static ScriptForChannel of(String channel, Script script) {
            return new ScriptForChannel(channel, script.coreMessage(), script.say(), script.avoid(),
                    script.askFurther(), script.referral(), script.registration());
        }
    }
}
