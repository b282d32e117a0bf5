package nl.duiding.connector.kb;

import java.util.List;
import java.util.Optional;

/**
 * What the sidebar can still show when kb-service is slow or down: the published narratives and scripts kept
 * locally (implemented by the {@code cache} feature).
 */
public interface OfflineKnowledge {

    /** Each call answers what the agents of {@code tenant} see: its own narratives and the national ones. */
    KbApi.MatchResponse match(String text, String channel, String tenant);

    List<KbApi.Suggestion> suggest(String typed, int size, String tenant);

    Optional<KbApi.Narrative> narrative(String slug, String tenant);
}
