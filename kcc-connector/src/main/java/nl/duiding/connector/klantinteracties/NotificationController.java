package nl.duiding.connector.klantinteracties;

import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

import nl.duiding.connector.kb.KbRejected;
import nl.duiding.connector.kb.KbUnavailable;
import nl.duiding.connector.kb.ResidentErasures;
import nl.duiding.connector.security.ResidentHasher;
import nl.duiding.connector.tenant.TenantProperties;
import nl.duiding.connector.tenant.Tenants;
import nl.duiding.connector.web.Problems;

/**
 * {@code POST /api/v1/notificaties/{gemeentecode}}: the callback of ZGW Notificaties API abonnementen (Open
 * Notificaties). On kanaal {@code klantcontacten} a new or changed klantcontact is fetched from the tenant's own API
 * and delivered at once; the poller remains the safety net for notifications that never arrive. On kanaal
 * {@code partijen} a destroyed partij — a resident the CRM has forgotten — has its contacts erased in kb-service,
 * found by the same keyed hash of the partij's uuid that its contacts carry.
 */
@RestController
class NotificationController {

    /** Kanaal of klantcontact notifications in the Klantinteracties API; the older name is still accepted. */
    private static final Set<String> CONTACT_CHANNELS = Set.of("klantcontacten", "klantinteracties");
    private static final Set<String> CONTACT_ACTIONS = Set.of("create", "update", "partial_update");
    private static final Pattern UUID_SEGMENT = Pattern.compile(".*/partijen/([0-9a-fA-F-]{36})/?");

    private final Tenants tenants;
    private final KlantinteractiesAdapters adapters;
    private final ResidentHasher hasher;
    private final ResidentErasures erasures;

    NotificationController(Tenants tenants, KlantinteractiesAdapters adapters, ResidentHasher hasher,
            ResidentErasures erasures) {
        this.tenants = tenants;
        this.adapters = adapters;
        this.hasher = hasher;
        this.erasures = erasures;
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
        boolean contact = CONTACT_CHANNELS.contains(notificatie.kanaal())
                && "klantcontact".equals(notificatie.resource()) && CONTACT_ACTIONS.contains(notificatie.actie());
        boolean partyGone = "partijen".equals(notificatie.kanaal()) && "partij".equals(notificatie.resource())
                && "destroy".equals(notificatie.actie());
        if (!contact && !partyGone) {
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
        if (partyGone) {
            return erase(tenant, url);
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

    private ResponseEntity<Void> erase(String tenant, URI url) {
        Matcher partij = UUID_SEGMENT.matcher(url.getPath());
        if (!partij.matches()) {
            throw Problems.badRequest("ongeldige-notificatie", "Ongeldige notificatie",
                    "resourceUrl van een partij eindigt op /partijen/{uuid}.");
        }
        try {
            erasures.erase(hasher.hash(tenant, partij.group(1)), tenant);
        } catch (KbUnavailable | KbRejected e) {
            throw unavailable();
        }
        return ResponseEntity.noContent().build();
    }

    /** 503 lets Open Notificaties retry; for a klantcontact the poller would pick it up anyway. */
    private static ErrorResponseException unavailable() {
        return Problems.unavailable("De notificatie kon nu niet worden verwerkt; probeer het later opnieuw.");
    }
}
