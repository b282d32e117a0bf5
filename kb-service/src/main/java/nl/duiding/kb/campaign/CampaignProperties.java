package nl.duiding.kb.campaign;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Belactie detection. The defaults were set on simulated streams of seeds 1–3 and evaluated on other seeds
 * (docs/belactie-detection.md).
 *
 * @param detectEvery         how often the detector looks at recent contacts (agents see a campaign within this
 *                            plus one refresh after it crosses the thresholds)
 * @param window              how far back the near-real-time detector looks
 * @param minContacts         near-identical contacts needed for a campaign
 * @param minResidents        distinct residents among them (contacts without a resident count as distinct)
 * @param similarity          Jaccard similarity of word bigrams above which two texts are the same template
 * @param bandSeed            a band key shared by at least this many contacts makes them candidates
 * @param maxCandidateBands   at most this many band keys are followed per tenant and window
 * @param repeatMinContacts   contacts of one resident in a day that make a "herhaald contact"
 * @param clusterMinContacts  an unmatched near-identical group this big is reported as a new cluster
 * @param clusterMinResidents ...with at least this many residents
 * @param leaseTtl            how long the detector's lease lasts without renewal
 * @param coreSimilarity      a group's members at least this alike to its medoid form its core (cuts chains)
 * @param baselineDays        how far before the window a group's like is counted as its baseline (within the text
 *                            retention period)
 * @param alpha               a group is unusual when its count is this improbable against its baseline
 * @param minRateRatio        ...and at least this many times what its baseline leads to expect
 * @param coldStartShare      without history, a group of at least this share of the window's contacts is a burst
 *                            whatever its arrival times
 */
@ConfigurationProperties("duiding.campaigns")
public record CampaignProperties(
        @DefaultValue("30s") Duration detectEvery,
        @DefaultValue("24h") Duration window,
        @DefaultValue("20") int minContacts,
        @DefaultValue("15") int minResidents,
        @DefaultValue("0.45") double similarity,
        @DefaultValue("4") int bandSeed,
        @DefaultValue("3000") int maxCandidateBands,
        @DefaultValue("5") int repeatMinContacts,
        @DefaultValue("6") int clusterMinContacts,
        @DefaultValue("4") int clusterMinResidents,
        @DefaultValue("90s") Duration leaseTtl,
        @DefaultValue("0.3") double coreSimilarity,
        @DefaultValue("28") int baselineDays,
        @DefaultValue("0.001") double alpha,
        @DefaultValue("3") double minRateRatio,
        @DefaultValue("0.25") double coldStartShare) {
}
