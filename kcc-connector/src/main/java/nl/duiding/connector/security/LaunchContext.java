package nl.duiding.connector.security;

/**
 * What the CRM told the sidebar when it opened it. The resident is already pseudonymised; the CRM's own id never
 * leaves {@link LaunchLinks}.
 *
 * @param tenant       gemeentecode
 * @param channel      telefoon, balie, email, chat or brief
 * @param contactId    the CRM's id of the contact (for write-back and feedback); may be null
 * @param residentHash keyed hash of the CRM's resident id; may be null
 * @param previousResidentHash the hash under the previous key during a key transition; usually null
 * @param subject      the CRM's subject line; may be null
 * @param notes        the agent's notes so far; may be null
 */
public record LaunchContext(String tenant, String channel, String contactId, String residentHash,
        String previousResidentHash, String subject, String notes) {
}
