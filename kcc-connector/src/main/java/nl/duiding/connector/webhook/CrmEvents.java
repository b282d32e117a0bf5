package nl.duiding.connector.webhook;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The documented webhook payload (docs/crm-webhook.md).
 *
 * @param source the sending system, e.g. {@code salesforce}; with {@code id} the key kb-service deduplicates on
 * @param events at most 1,000 contacts
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record CrmEvents(String source, List<CrmEvent> events) {

    /**
     * @param id           the CRM's id of the contact (ticket, case, activity)
     * @param occurredAt   ISO-8601 instant
     * @param channel      telefoon, balie, email, chat or brief
     * @param residentId   the CRM's id of the resident; hashed by the connector, never passed on
     * @param confidential true: not passed on at all
     * @param narratives   slugs the agent confirmed, if the CRM knows them
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CrmEvent(String id, String occurredAt, String channel, String subject, String text, String residentId,
            Boolean confidential, List<String> narratives) {
    }
}
