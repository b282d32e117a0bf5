package nl.duiding.kb.narrative;

import java.util.List;
import java.util.Optional;

/** What agents may see: the last published snapshot of every narrative. */
public interface PublishedNarratives {

    /** Every published narrative of every tenant. */
    List<NarrativeRecord> all();

    /**
     * The narrative a user of {@code tenant} sees under {@code slug}: the tenant's own local version if it has one,
     * otherwise the national one.
     */
    Optional<NarrativeRecord> find(Slug slug, TenantCode tenant);

    /** What a user of {@code tenant} sees: its own local narratives plus the national ones it has not overridden. */
    List<NarrativeRecord> visibleTo(TenantCode tenant);
}
