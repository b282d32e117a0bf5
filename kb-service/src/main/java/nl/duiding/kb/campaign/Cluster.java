package nl.duiding.kb.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A group of near-identical contacts in a window, as found by {@link NearDuplicateClusters}. Only internal: member
 * ids and the resident count never leave kb-service except as numbers.
 *
 * @param memberIds   signal ids (the idempotency hashes), for labelling and for the evaluation
 * @param template    the words most members share, in the order of a typical member; the rest is "…"
 * @param shingles    the typical member's word bigrams, for matching against known campaigns
 * @param slug        the narrative most members were matched to or confirmed as, if a third or more
 * @param perHour     contacts per hour since the first one
 * @param topBands    the band keys most members share, to count the group's like in the past (ClusterBaseline)
 */
public record Cluster(List<String> memberIds, int contacts, int residents, int maxPerResident, Instant first,
        Instant last, String template, Set<Long> shingles, String slug, boolean unmatched,
        Map<String, Integer> channels, List<Integer> perHour, List<String> topBands) {

    public Cluster {
        memberIds = List.copyOf(memberIds);
        shingles = Set.copyOf(shingles);
        channels = Map.copyOf(channels);
        perHour = List.copyOf(perHour);
        topBands = List.copyOf(topBands);
    }
}
