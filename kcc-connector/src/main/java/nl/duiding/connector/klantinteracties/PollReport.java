package nl.duiding.connector.klantinteracties;

import java.time.Instant;

/**
 * What one poll or notification did; the last one per tenant is shown in the connector's health.
 *
 * @param pages        pages read
 * @param accepted     contacts kb-service accepted as new
 * @param duplicates   contacts kb-service already had (sent before; at-least-once)
 * @param quarantined  malformed or rejected contacts set aside
 * @param retryLater   contacts kb-service could not store this time (opslag-mislukt); sent again next poll
 * @param confidential vertrouwelijk contacts left out
 * @param problem      why the walk stopped early (kind and message, never contact content), or null
 */
public record PollReport(String tenant, Instant at, int pages, int accepted, int duplicates, int quarantined,
        int retryLater, int confidential, int tooOld, String problem) {
}
