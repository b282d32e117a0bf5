package nl.duiding.kb.matching;

import java.util.List;

/**
 * How much of one trigger phrasing a text contains: the idf-weighted share of the phrasing's words found in the text
 * (stems, synonyms and compound parts as the search analysis sees them; a typo counts for 80 %), as the matcher's
 * phrasing coverage measures it. Editors use it to see which phrasing would have caught a text that was missed.
 *
 * @param coverage 0..1
 * @param found    the phrasing's words the text has, as written in the phrasing
 * @param missing  the phrasing's words the text lacks
 */
public record PhrasingCoverage(String phrasing, double coverage, List<String> found, List<String> missing) {

    public PhrasingCoverage {
        found = List.copyOf(found);
        missing = List.copyOf(missing);
    }
}
