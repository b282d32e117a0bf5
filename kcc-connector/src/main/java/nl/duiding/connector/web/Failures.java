package nl.duiding.connector.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Describes a failure for the log without its messages: parsers, the container and HTTP clients quote their input in
 * exception messages (a pasted text, a launch link with notes, a URL with what the agent typed), and none of that may
 * reach a log. Classes and the code location where each was thrown are enough to find the fault.
 */
public final class Failures {

    private Failures() {
    }

    /** E.g. {@code IllegalStateException at SidebarApiController.java:92 ← JacksonException at ...}. */
    public static String describe(Throwable failure) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = failure; t != null && parts.size() < 5; t = t.getCause() == t ? null : t.getCause()) {
            StackTraceElement[] frames = t.getStackTrace();
            String where = frames.length == 0 ? "" : " at " + frames[0].getFileName() + ":" + frames[0].getLineNumber();
            parts.add(t.getClass().getSimpleName() + where);
        }
        return String.join(" ← ", parts);
    }
}
