package nl.duiding.connector.kb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import feign.RequestTemplate;
import nl.duiding.connector.tenant.Secret;

/**
 * {@code X-Api-Key} with a key kb-service knows. From a fixed value (the environment), or from a file that is read
 * again when its modification time changes (looked at every {@code duiding.kb.api-key-reload}, and at once after
 * kb-service refused the key): rotating is writing the new key into the file, no restart. The key is never logged.
 */
final class ApiKeyCredentials implements KbCredentials {

    static final String HEADER = "X-Api-Key";
    private static final Logger log = LoggerFactory.getLogger(ApiKeyCredentials.class);

    private final Secret fixed;
    private final Path file;
    private final Duration reload;
    private final Clock clock;
    private final AtomicReference<Loaded> current = new AtomicReference<>();

    private record Loaded(FileTime modified, String key, Instant checked) {
    }

    ApiKeyCredentials(Secret fixed, Path file, Duration reload, Clock clock) {
        this.fixed = fixed;
        this.file = file;
        this.reload = reload;
        this.clock = clock;
        if (file != null) {
            // At start an unreadable file is a configuration error; later a broken edit keeps the key read before.
            current.set(read());
        }
    }

    @Override
    public void apply(RequestTemplate template) {
        template.header(HEADER, key());
    }

    @Override
    public String describe() {
        return file != null ? "API key from " + file + " (re-read when it changes)" : "API key from the configuration";
    }

    @Override
    public void refused() {
        if (file != null) {
            Loaded loaded = current.get();
            current.compareAndSet(loaded, new Loaded(loaded.modified(), loaded.key(), Instant.EPOCH));
        }
    }

    private String key() {
        if (file == null) {
            return fixed.value();
        }
        Loaded loaded = current.get();
        if (!clock.instant().isBefore(loaded.checked().plus(reload))) {
            Loaded next;
            try {
                FileTime modified = Files.getLastModifiedTime(file);
                next = modified.equals(loaded.modified()) ? new Loaded(modified, loaded.key(), clock.instant()) : read();
                if (!modified.equals(loaded.modified())) {
                    log.info("API key for kb-service read again from {}", file);
                }
            } catch (IOException | IllegalStateException e) {
                log.error("API key file {} could not be read ({}); keeping the key read before", file,
                        e.getClass().getSimpleName());
                next = new Loaded(loaded.modified(), loaded.key(), clock.instant());
            }
            current.compareAndSet(loaded, next);
            loaded = next;
        }
        return loaded.key();
    }

    private Loaded read() {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            String key = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (key.isEmpty() || key.contains("\n")) {
                // Only the path: the content may be a key.
                throw new IllegalStateException("the API key file " + file + " must hold exactly one key");
            }
            return new Loaded(modified, key, clock.instant());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the API key file " + file + " (duiding.kb.api-key-file)", e);
        }
    }
}
