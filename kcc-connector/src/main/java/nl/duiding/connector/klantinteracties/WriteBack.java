package nl.duiding.connector.klantinteracties;

import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import nl.duiding.connector.tenant.TenantProperties;
import nl.duiding.connector.tenant.Tenants;
import tools.jackson.databind.json.JsonMapper;

/**
 * Optional write-back ({@code klantinteracties.write-back: true}): the narrative an agent confirmed becomes an
 * onderwerpobject of the klantcontact (register {@code duiding}, objecttype {@code narratief}, id the slug), so the
 * CRM itself shows what the contact was about. Best effort and off the agent's path: a failure is logged only.
 */
@Component
public class WriteBack {

    private static final Logger log = LoggerFactory.getLogger(WriteBack.class);
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
            + "[0-9a-fA-F]{12}");

    private final Tenants tenants;
    private final KlantinteractiesAdapters adapters;
    private final JsonMapper json;

    WriteBack(Tenants tenants, KlantinteractiesAdapters adapters, JsonMapper json) {
        this.tenants = tenants;
        this.adapters = adapters;
        this.json = json;
    }

    public void recordNarrative(String tenant, String contactId, String slug) {
        boolean enabled = tenants.find(tenant).map(TenantProperties.Tenant::klantinteracties)
                .map(TenantProperties.Klantinteracties::writeBack).orElse(false);
        if (!enabled || contactId == null || !UUID.matcher(contactId).matches()) {
            return;
        }
        adapters.forTenant(tenant).ifPresent(adapter -> Thread.ofVirtual().name("write-back").start(() -> {
            try {
                adapter.api().post("/onderwerpobjecten", onderwerpobject(json, contactId, slug));
            } catch (RuntimeException e) {
                log.warn("write-back of narrative {} to klantcontact {} of {} failed: {}", slug, contactId, tenant,
                        e.getMessage());
            }
        }));
    }

    /** The {@code Onderwerpobject} that says: this klantcontact was about this narrative. */
    static String onderwerpobject(JsonMapper json, String contactId, String slug) {
        var body = json.createObjectNode();
        body.putObject("klantcontact").put("uuid", contactId);
        body.putObject("onderwerpobjectidentificator").put("objectId", slug).put("codeObjecttype", "narratief")
                .put("codeRegister", "duiding").put("codeSoortObjectId", "slug");
        return json.writeValueAsString(body);
    }
}
