package nl.duiding.kb.web;

import java.util.ArrayList;
import java.util.List;

import nl.duiding.kb.privacy.ContactScrubber;
import org.springframework.stereotype.Component;

/**
 * Describes a failure for the log with its messages scrubbed: parsers and clients quote their input in exception
 * messages (a contact text, a tenant or slug someone typed), and personal data in it must not reach a log. The
 * messages are kept, scrubbed and shortened, because for a storage failure they are what explains it; the code location
 * of each cause finds the fault.
 */
@Component
public class ScrubbedFailures {

    private static final int MAX_MESSAGE = 300;
    private static final int MAX_CAUSES = 5;

    private final ContactScrubber scrubber;

    ScrubbedFailures(ContactScrubber scrubber) {
        this.scrubber = scrubber;
    }

    /** E.g. {@code ElasticsearchException "[es/search] failed: …" at Foo.java:92 ← IOException "…" at Bar.java:10}. */
    public String describe(Throwable failure) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = failure; t != null && parts.size() < MAX_CAUSES; t = t.getCause() == t ? null : t.getCause()) {
            StringBuilder part = new StringBuilder(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                String message = scrubber.clean(t.getMessage()).replaceAll("\\s+", " ");
                part.append(" \"").append(message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "…" : message)
                        .append('"');
            }
            StackTraceElement[] frames = t.getStackTrace();
            if (frames.length > 0) {
                part.append(" at ").append(frames[0].getClassName()).append('.').append(frames[0].getMethodName())
                        .append('(').append(frames[0].getFileName()).append(':').append(frames[0].getLineNumber())
                        .append(')');
            }
            parts.add(part.toString());
        }
        return String.join(" ← ", parts);
    }
}
