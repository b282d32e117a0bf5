package nl.duiding.kb.narrative;

/** Path slugs: one that cannot be a slug names no narrative, so it is a 404 like any unknown slug. */
final class Slugs {

    private Slugs() {
    }

    static Slug fromPath(String value) {
        try {
            return new Slug(value);
        } catch (IllegalArgumentException e) {
            throw new NarrativeNotFound(new Slug("onbekend"));
        }
    }
}
