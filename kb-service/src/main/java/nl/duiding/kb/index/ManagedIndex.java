package nl.duiding.kb.index;

/**
 * An index kb-service owns. Features declare one as a bean; {@link IndexBootstrapper} creates its template and,
 * unless it is time-based, the concrete index behind the alias.
 *
 * @param name      logical name, e.g. {@code narratives}; the alias is {@code <prefix>-<name>}
 * @param version   bumped by hand for a deliberate change; the concrete index name also carries a hash of the
 *                  rendered template, so any mapping or lexicon change builds a new index behind the alias
 * @param resource  class-path JSON with {@code settings} and {@code mappings}
 * @param timeBased true for indices created per period on write (signals): only the template is installed
 */
public record ManagedIndex(String name, int version, String resource, boolean timeBased) {

    public ManagedIndex {
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("Index name must be lowercase letters, digits and dashes: " + name);
        }
        if (version < 1) {
            throw new IllegalArgumentException("Index version starts at 1: " + name);
        }
    }

    public static ManagedIndex of(String name, int version) {
        return new ManagedIndex(name, version, "elasticsearch/" + name + ".json", false);
    }

    public static ManagedIndex timeBased(String name, int version) {
        return new ManagedIndex(name, version, "elasticsearch/" + name + ".json", true);
    }
}
