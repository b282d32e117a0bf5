package nl.duiding.connector.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretConverterTest {

    private final SecretConverter converter = new SecretConverter();

    @Test
    void readsASecretFromAFileWithoutItsNewline(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, "s3cr3t-value\n");

        assertThat(converter.convert("file:" + file).value()).isEqualTo("s3cr3t-value");
        assertThat(converter.convert("plain-from-env").value()).isEqualTo("plain-from-env");
        assertThat(converter.convert("")).isNull();
    }

    @Test
    void neverShowsTheValue(@TempDir Path dir) {
        Secret secret = converter.convert("s3cr3t-value");

        assertThat(secret.toString()).doesNotContain("s3cr3t");
        assertThat(new TenantProperties.Webhook(secret, java.time.Duration.ofMinutes(5)).toString())
                .doesNotContain("s3cr3t");
        assertThatThrownBy(() -> converter.convert("file:" + dir.resolve("missing")))
                .hasMessageContaining("missing");
    }
}
