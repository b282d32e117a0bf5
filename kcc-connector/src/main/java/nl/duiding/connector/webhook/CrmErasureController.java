package nl.duiding.connector.webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import nl.duiding.connector.kb.KbRejected;
import nl.duiding.connector.kb.KbUnavailable;
import nl.duiding.connector.kb.ResidentErasures;
import nl.duiding.connector.security.ResidentHasher;
import nl.duiding.connector.web.Problems;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/crm-erasures}: a CRM honours a resident's request to be forgotten and tells Duiding, signed like
 * its contacts. The connector turns the CRM's resident id into the same keyed hash it sends with contacts, and
 * kb-service erases that resident's stored texts at once. Only the CRM knows the resident id, only the connector the
 * key: neither is ever logged.
 */
@RestController
class CrmErasureController {

    private static final Logger log = LoggerFactory.getLogger(CrmErasureController.class);
    private static final int MAX_BODY = 4 * 1024;

    private final SignedWebhooks webhooks;
    private final ResidentHasher hasher;
    private final ResidentErasures erasures;
    private final JsonMapper json;

    CrmErasureController(SignedWebhooks webhooks, ResidentHasher hasher, ResidentErasures erasures, JsonMapper json) {
        this.webhooks = webhooks;
        this.hasher = hasher;
        this.erasures = erasures;
        this.json = json;
    }

    /** @param residentId the CRM's own id of the resident, as in {@code residentId} of its contacts */
    record ErasureRequest(String residentId) {
    }

    /** @param erased how many of the resident's contacts were erased (0 when none were stored) */
    record Erased(int erased) {
    }

    @PostMapping(path = "/api/v1/crm-erasures", consumes = "application/json")
    Erased erase(@RequestHeader(name = SignedWebhooks.TENANT, required = false) String tenant,
            @RequestHeader(name = SignedWebhooks.TIMESTAMP, required = false) String timestamp,
            @RequestHeader(name = SignedWebhooks.SIGNATURE, required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        webhooks.verify(tenant, timestamp, signature, raw);
        ErasureRequest request;
        try {
            request = raw.length > MAX_BODY ? null : json.readValue(raw, ErasureRequest.class);
        } catch (JacksonException e) {
            request = null;
        }
        if (request == null || request.residentId() == null || request.residentId().isBlank()
                || request.residentId().length() > 200) {
            throw Problems.badRequest("ongeldige-inhoud", "Ongeldige inhoud", "Stuur {\"residentId\": \"...\"}: het id "
                    + "van de inwoner in het CRM, zoals bij de contacten (hoogstens 200 tekens).");
        }
        try {
            return new Erased(erasures.erase(hasher.hash(tenant, request.residentId()), tenant));
        } catch (KbUnavailable | KbRejected e) {
            log.warn("kb-service did not take an erasure request of {}: {}", tenant, e.getMessage());
            throw Problems.unavailable("De kennisbank kan het verzoek nu niet uitvoeren. Stuur het later opnieuw; "
                    + "een herhaald verzoek is veilig.");
        }
    }
}
