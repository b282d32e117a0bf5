package nl.duiding.kb.content;

import nl.duiding.kb.narrative.Narrative;
import nl.duiding.kb.narrative.NarrativeStatus;

/**
 * One parsed {@code content/narratives/<slug>.md}: the narrative, the status and author from its front matter, and
 * the hash of the file's text, which the importer compares to skip unchanged files.
 */
public record NarrativeFile(String path, Narrative narrative, NarrativeStatus status, String author,
        String contentHash) {
}
