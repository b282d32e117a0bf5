package nl.duiding.kb.content;

/** Something wrong in a content file, where an editor can find it. */
public record ContentProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
