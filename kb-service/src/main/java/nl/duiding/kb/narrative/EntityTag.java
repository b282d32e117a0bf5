package nl.duiding.kb.narrative;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ETag of a working copy: Elasticsearch's sequence number and primary term, which together identify one write.
 * A conditional write with both fails when anyone wrote in between.
 */
public record EntityTag(long seqNo, long primaryTerm) {

    private static final Pattern FORMAT = Pattern.compile("^(?:W/)?\"(\\d+)-(\\d+)\"$");

    public String headerValue() {
        return "\"" + seqNo + "-" + primaryTerm + "\"";
    }

    /** Empty when the header is not one of our tags; such a request can only be stale. */
    public static Optional<EntityTag> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(header.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new EntityTag(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
