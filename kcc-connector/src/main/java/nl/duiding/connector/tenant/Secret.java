package nl.duiding.connector.tenant;

/**
 * A credential (password, token, signing key). Its {@code toString} never shows the value, so a secret that ends
 * up in a log line, an actuator page or an exception message stays hidden. Bound from configuration by
 * {@link SecretConverter}: a plain value (from an environment variable) or {@code file:/path} (a mounted secret).
 */
public record Secret(String value) {

    public Secret {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a secret must not be empty");
        }
    }

    public byte[] bytes() {
        return value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "Secret[****]";
    }
}
