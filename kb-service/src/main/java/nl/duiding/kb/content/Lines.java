package nl.duiding.kb.content;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.networknt.schema.serialization.node.TokenStreamLocationAware;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

/** The file line of a front-matter value read by {@link NarrativeFileReader}. */
final class Lines {

    /** Front matter line 1 is line 2 of the file, after the opening {@code ---}. */
    static final int FRONT_MATTER_OFFSET = 1;

    private static final Pattern SEGMENT = Pattern.compile("\\.([^.\\[]+)|\\[(\\d+)]|\\['([^']*)']");

    private Lines() {
    }

    /** The line of {@code node}, or of the front matter's start when the node carries no position. */
    static int of(JsonNode node) {
        if (node instanceof TokenStreamLocationAware aware) {
            TokenStreamLocation location = aware.tokenStreamLocation();
            if (location != null && location.getLineNr() > 0) {
                return location.getLineNr() + FRONT_MATTER_OFFSET;
            }
        }
        return 1 + FRONT_MATTER_OFFSET;
    }

    /**
     * The line of the value at a validator path such as {@code $.scripts.chat.say[2]}: the deepest node on that path
     * that exists (a missing property is reported at the object that lacks it).
     */
    static int of(JsonNode root, String path) {
        JsonNode deepest = root;
        if (path != null && path.startsWith("$")) {
            Matcher m = SEGMENT.matcher(path.substring(1));
            JsonNode current = root;
            while (m.find() && current != null) {
                if (m.group(1) != null) {
                    current = current.get(m.group(1));
                } else if (m.group(2) != null) {
                    current = current.get(Integer.parseInt(m.group(2)));
                } else {
                    current = current.get(m.group(3));
                }
                if (current != null) {
                    deepest = current;
                }
            }
        }
        return of(deepest);
    }
}
