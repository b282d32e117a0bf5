package nl.duiding.kb.narrative;

import java.util.List;
import java.util.Optional;

/** What agents may see: the published narratives. */
public interface PublishedNarratives {

    List<NarrativeRecord> all();

    Optional<NarrativeRecord> find(Slug slug, TenantCode tenant);
}
