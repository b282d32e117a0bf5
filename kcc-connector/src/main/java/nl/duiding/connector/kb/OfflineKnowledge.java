package nl.duiding.connector.kb;

import java.util.List;
import java.util.Optional;

/**
 * What the sidebar can still show when kb-service is slow or down: the published narratives and scripts kept
 * locally (implemented by the {@code cache} feature).
 */
public interface OfflineKnowledge {

    KbApi.MatchResponse match(String text, String channel);

    List<KbApi.Suggestion> suggest(String typed, int size);

    Optional<KbApi.Narrative> narrative(String slug);
}
