package nl.duiding.connector.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Pseudonymises residents: HMAC-SHA256 over tenant and CRM id with a key only the connector holds. kb-service and
 * its indices only ever see the hash; without the key it cannot be reversed or recomputed from a BSN or CRM id.
 */
@Component
public class ResidentHasher {

    private final SecretKeySpec key;

    ResidentHasher(SecurityProperties properties) {
        if (properties.residentHashKey() == null || properties.residentHashKey().bytes().length < 32) {
            throw new IllegalStateException("duiding.security.resident-hash-key must be set to at least 32 bytes "
                    + "(environment DUIDING_RESIDENT_HASH_KEY or a file: value)");
        }
        this.key = new SecretKeySpec(properties.residentHashKey().bytes(), "HmacSHA256");
    }

    /** The hash for a resident of a tenant, or null when the CRM gave no resident id. */
    public String hash(String tenant, String residentId) {
        if (residentId == null || residentId.isBlank()) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((tenant + ":" + residentId.strip()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
