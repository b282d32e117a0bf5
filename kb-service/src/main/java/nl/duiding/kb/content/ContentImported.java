package nl.duiding.kb.content;

/** The content folder was imported (on start, or by a beheerder): how many files became what. */
public record ContentImported(int created, int updated, int unchanged, int invalid) {
}
