package nl.duiding.connector.klantinteracties;

import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import nl.duiding.connector.tenant.TenantProperties;
import nl.duiding.connector.tenant.Tenants;
import nl.duiding.connector.web.Problems;

/**
 * {@code POST /api/v1/notificaties/{gemeentecode}}: the callback of a ZGW Notificaties API abonnement (Open
 * Notificaties) on kanaal {@code klantinteracties}. A new or changed klantcontact is fetched from the tenant's own
 * API and delivered at once; the poller remains the safety net for notifications that never arrive.
 */
@RestController
class NotificationController {

    private final Tenants tenants;
    private final KlantinteractiesAdapters adapters;

    NotificationController(Tenants tenants, KlantinteractiesAdapters adapters) {
        this.tenants = tenants;
        this.adapters = adapters;
    }

    /** The ZGW notification message (only the fields used). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Notificatie(String kanaal, String hoofdObject, String resource, String resourceUrl, String actie) {
    }

    @PostMapping(path = "/api/v1/notificaties/{tenant}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> receive(@PathVariable String tenant,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody Notificatie notificatie) {
        TenantProperties.Klantinteracties config = tenants.find(tenant).map(TenantProperties.Tenant::klantinteracties)
                .orElse(null);
        TenantAdapter adapter = adapters.forTenant(tenant).orElse(null);
        if (config == null || adapter == null || config.notificationAuth() == null || authorization == null
                || !MessageDigest.isEqual(authorization.getBytes(StandardCharsets.UTF_8),
                        config.notificationAuth().bytes())) {
            throw new ErrorResponseException(HttpStatus.UNAUTHORIZED, Problems.of(HttpStatus.UNAUTHORIZED,
                    "niet-geautoriseerd", "Niet geautoriseerd",
                    "Deze notificatie heeft niet de Authorization-waarde van het abonnement."), null);
        }
        if (notificatie == null || notificatie.kanaal() == null || notificatie.resource() == null
                || notificatie.actie() == null) {
            throw Problems.badRequest("ongeldige-notificatie", "Ongeldige notificatie",
                    "Een notificatie heeft kanaal, resource, resourceUrl en actie.");
        }
        boolean relevant = "klantinteracties".equals(notificatie.kanaal())
                && "klantcontact".equals(notificatie.resource())
                && ("create".equals(notificatie.actie()) || "update".equals(notificatie.actie())
                        || "partial_update".equals(notificatie.actie()));
        if (!relevant) {
            return ResponseEntity.noContent().build();
        }
        URI url;
        try {
            url = URI.create(notificatie.resourceUrl());
        } catch (RuntimeException e) {
            throw Problems.badRequest("ongeldige-notificatie", "Ongeldige notificatie", "resourceUrl is geen URL.");
        }
        if (!adapter.api().ownsUrl(url)) {
            throw Problems.badRequest("onbekende-bron", "Onbekende bron",
                    "resourceUrl hoort niet bij de Klantinteracties API van deze gemeente.");
        }
        try {
            adapter.notified(url);
        } catch (CrmFailure e) {
            if (e.kind() == CrmFailure.Kind.NIET_GEVONDEN) {
                // Deleted again before we looked: nothing to deliver.
                return ResponseEntity.noContent().build();
            }
            throw unavailable();
        } catch (RuntimeException e) {
            throw unavailable();
        }
        return ResponseEntity.noContent().build();
    }

    /** 503 lets Open Notificaties retry; the poller would pick the contact up anyway. */
    private static ErrorResponseException unavailable() {
        ErrorResponseException e = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE,
                Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "tijdelijk-niet-verwerkt", "Tijdelijk niet verwerkt",
                        "Het klantcontact kon nu niet worden doorgegeven; probeer het later opnieuw."), null);
        e.getHeaders().set(HttpHeaders.RETRY_AFTER, "60");
        return e;
    }
}
