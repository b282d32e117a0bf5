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
 *
 * <p>After a rotation of the key, the previous key may be configured for a transition period: new contacts are hashed
 * with the new key only, and the sidebar also asks for the earlier contacts stored under the previous hash.
 */
@Component
public class ResidentHasher {

    private final SecretKeySpec key;
    private final SecretKeySpec previous;

    ResidentHasher(SecurityProperties properties) {
        this.key = key(properties.residentHashKey(), "duiding.security.resident-hash-key", "DUIDING_RESIDENT_HASH_KEY");
        this.previous = properties.residentHashPreviousKey() == null ? null
                : key(properties.residentHashPreviousKey(), "duiding.security.resident-hash-previous-key",
                        "DUIDING_RESIDENT_HASH_PREVIOUS_KEY");
    }

    private static SecretKeySpec key(nl.duiding.connector.tenant.Secret secret, String name, String environment) {
        if (secret == null || secret.bytes().length < 32) {
            throw new IllegalStateException(name + " must be set to at least 32 bytes (environment " + environment
                    + " or a file: value)");
        }
        return new SecretKeySpec(secret.bytes(), "HmacSHA256");
    }

    /** The hash for a resident of a tenant, or null when the CRM gave no resident id. */
    public String hash(String tenant, String residentId) {
        return hash(key, tenant, residentId);
    }

    /** The hash under the key before the last rotation, or null when none is configured or there is no id. */
    public String previousHash(String tenant, String residentId) {
        return previous == null ? null : hash(previous, tenant, residentId);
    }

    private static String hash(SecretKeySpec key, String tenant, String residentId) {
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
