package nl.duiding.connector.webhook;

import java.time.Clock;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import nl.duiding.connector.tenant.TenantProperties;
import nl.duiding.connector.tenant.Tenants;
import nl.duiding.connector.web.Problems;

/** Checks a CRM's webhook request: the tenant's secret, a fresh timestamp and the HMAC over both and the body. */
@Component
class SignedWebhooks {

    static final String TENANT = "X-Duiding-Tenant";
    static final String TIMESTAMP = "X-Duiding-Timestamp";
    static final String SIGNATURE = "X-Duiding-Signature";

    private final Tenants tenants;
    private final Clock clock;

    SignedWebhooks(Tenants tenants, Clock clock) {
        this.tenants = tenants;
        this.clock = clock;
    }

    /** @throws ErrorResponseException 401 with a problem detail when the request is not the tenant's own, fresh */
    void verify(String tenant, String timestamp, String signature, byte[] body) {
        TenantProperties.Webhook config = tenants.find(tenant).map(TenantProperties.Tenant::webhook).orElse(null);
        if (config == null || config.secret() == null
                || !WebhookSignature.valid(config.secret(), timestamp, signature, body, clock.instant(),
                        config.replayWindow())) {
            throw new ErrorResponseException(HttpStatus.UNAUTHORIZED, Problems.of(HttpStatus.UNAUTHORIZED,
                    "ongeldige-handtekening", "Ongeldige handtekening", "De handtekening (" + SIGNATURE + ") klopt "
                            + "niet bij tenant, tijdstempel en inhoud, of het tijdstempel valt buiten het venster."),
                    null);
        }
    }
}
