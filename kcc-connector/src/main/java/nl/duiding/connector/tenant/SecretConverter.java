package nl.duiding.connector.tenant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads a {@link Secret} from configuration: {@code file:/run/secrets/x} reads the file (trailing newline dropped,
 * as secret files usually have one), anything else is the value itself (typically from an environment variable).
 */
@Component
@ConfigurationPropertiesBinding
class SecretConverter implements Converter<String, Secret> {

    private static final String FILE = "file:";

    @Override
    public Secret convert(String source) {
        if (source.isBlank()) {
            // An unset environment variable (${X:}): no secret, which each user of it reports in its own words.
            return null;
        }
        if (source.startsWith(FILE)) {
            Path path = Path.of(source.substring(FILE.length()));
            try {
                return new Secret(Files.readString(path).strip());
            } catch (IOException e) {
                // The path may be told, the content never.
                throw new UncheckedIOException("cannot read secret file " + path, e);
            }
        }
        return new Secret(source);
    }
}
