package nl.duiding.kb.matching;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Matching settings. The score thresholds apply to the calibrated probability that a narrative is what the text is
 * about; {@code scripts/calibrate-match.sh} fits the calibration and suggests thresholds (docs/matching.md).
 *
 * @param maxTextLength    longest accepted text in characters (413 above)
 * @param maxResults       most narratives returned
 * @param minScore         below this a narrative is not shown at all
 * @param longTextMinScore the same for a long letter ({@code longTextWindows}), whose score the calibration's
 *                         long-text stage gives: chosen from that stage's own table
 * @param middleConfidence from here the confidence band is "middel"
 * @param highConfidence   from here the confidence band is "hoog"
 * @param windowWords      texts longer than about this many words are matched window by window
 * @param maxWindows       at most this many windows per text (a 20,000-character letter needs about 60)
 * @param longTextWindows  texts of at least this many windows are long letters: each pair of neighbouring windows is
 *                         read once more as one (a belief told across a window's edge), and the calibration's
 *                         long-text stage scores them; it must be the value the calibration was fitted with
 * @param candidates       documents retrieved per window before re-ranking
 * @param calibration      the fitted calibration (class path or file resource)
 * @param wordList         a Dutch word list, one word a line (Debian's wdutch); without it no typo is corrected
 */
@ConfigurationProperties("duiding.matching")
public record MatchProperties(
        @DefaultValue("20000") int maxTextLength,
        @DefaultValue("5") int maxResults,
        @DefaultValue("0.50") double minScore,
        @DefaultValue("0.50") double longTextMinScore,
        @DefaultValue("0.78") double middleConfidence,
        @DefaultValue("0.9") double highConfidence,
        @DefaultValue("45") int windowWords,
        @DefaultValue("80") int maxWindows,
        @DefaultValue("9") int longTextWindows,
        @DefaultValue("50") int candidates,
        @DefaultValue("classpath:matching/calibration.json") String calibration,
        @DefaultValue("/usr/share/dict/dutch") String wordList) {
}
