package nl.duiding.connector.kb;

import org.springframework.stereotype.Component;

/** Passes a resident's erasure request on to kb-service ({@code DELETE /api/v1/residents/{hash}}). */
@Component
public class ResidentErasures {

    private final KbClients.ResidentsClient client;

    ResidentErasures(KbClients.ResidentsClient client) {
        this.client = client;
    }

    /**
     * @return how many of the resident's contacts kb-service erased
     * @throws KbUnavailable when kb-service cannot do it now (the sender should try again)
     * @throws KbRejected    when kb-service refuses the request
     */
    public int erase(String residentHash, String tenant) {
        try {
            return client.erase(residentHash, tenant).erased();
        } catch (RuntimeException e) {
            throw KbFailures.classify(e);
        }
    }
}
