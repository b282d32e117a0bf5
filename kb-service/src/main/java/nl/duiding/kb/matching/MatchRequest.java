package nl.duiding.kb.matching;

/**
 * What an agent typed or pasted.
 *
 * @param text    the resident's words, an agent's note, an e-mail or a letter
 * @param channel telefoon, balie, email, chat or brief (default telefoon)
 * @param tenant  the municipality's gemeentecode; national narratives always count
 */
public record MatchRequest(String text, String channel, String tenant) {
}
