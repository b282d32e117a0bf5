package nl.duiding.kb.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The valid API keys, from configuration and from a file that is re-read when it changes. Only SHA-256 digests are
 * kept in memory, and a presented key is compared with every digest in constant time, so neither the answer's timing
 * nor a heap dump gives a key away. Keys and their digests are never logged; labels are.
 */
final class ApiKeys {

    /** 32 characters of a random key are well beyond guessing; shorter ones are refused as a configuration error. */
    static final int MIN_LENGTH = 32;

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

    private final Map<String, byte[]> configured;
    private final Path file;
    private final long reloadMillis;
    private final Clock clock;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();

    private record Snapshot(FileTime modified, Map<String, byte[]> fromFile, Instant checked) {
    }

    ApiKeys(SecuritySettings.ApiKeySettings settings, Clock clock) {
        this.configured = digests(settings.keys(), "duiding.security.api-keys.keys");
        this.file = settings.file();
        this.reloadMillis = settings.reloadInterval().toMillis();
        this.clock = clock;
        if (file != null) {
            // At start a broken file is a configuration error; later a broken edit keeps the keys last read.
            current.set(read(true));
        }
    }

    boolean isEmpty() {
        return configured.isEmpty() && file == null;
    }

    /** The label of the key, when it is one of the valid keys. */
    Optional<String> verify(String presented) {
        byte[] digest = sha256(presented);
        String match = null;
        // No early exit: every digest is compared, whether or not one matched already.
        for (Map.Entry<String, byte[]> key : all().entrySet()) {
            if (MessageDigest.isEqual(digest, key.getValue()) && match == null) {
                match = key.getKey();
            }
        }
        return Optional.ofNullable(match);
    }

    private Map<String, byte[]> all() {
        if (file == null) {
            return configured;
        }
        Snapshot snapshot = current.get();
        if (clock.millis() - snapshot.checked().toEpochMilli() >= reloadMillis) {
            snapshot = reloadIfChanged(snapshot);
        }
        if (configured.isEmpty()) {
            return snapshot.fromFile();
        }
        Map<String, byte[]> both = new LinkedHashMap<>(configured);
        both.putAll(snapshot.fromFile());
        return both;
    }

    private Snapshot reloadIfChanged(Snapshot previous) {
        Snapshot next;
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            next = modified.equals(previous.modified())
                    ? new Snapshot(previous.modified(), previous.fromFile(), clock.instant())
                    : read(false);
        } catch (IOException | IllegalStateException e) {
            log.error("API key file {} could not be read ({}); keeping the {} key(s) read before", file,
                    e.getClass().getSimpleName(), previous.fromFile().size());
            next = new Snapshot(previous.modified(), previous.fromFile(), clock.instant());
        }
        current.compareAndSet(previous, next);
        return next;
    }

    private Snapshot read(boolean atStart) {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            Map<String, String> keys = new LinkedHashMap<>();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int eq = line.indexOf('=');
                if (eq < 1) {
                    // The line itself may be a key: name only its number.
                    throw new IllegalStateException(file + ":" + (i + 1) + ": expected label=key");
                }
                keys.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
            Map<String, byte[]> digests = digests(keys, file.toString());
            if (!atStart) {
                log.info("API keys reloaded from {}: {}", file, digests.keySet());
            }
            return new Snapshot(modified, digests, clock.instant());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the API key file " + file
                    + " (duiding.security.api-keys.file)", e);
        }
    }

    private static Map<String, byte[]> digests(Map<String, String> keys, String source) {
        Map<String, byte[]> digests = new LinkedHashMap<>();
        keys.forEach((label, key) -> {
            if (key == null || key.strip().length() < MIN_LENGTH) {
                throw new IllegalStateException("API key '" + label + "' in " + source + " is shorter than "
                        + MIN_LENGTH + " characters; generate one with: head -c 32 /dev/urandom | base64");
            }
            digests.put(label, sha256(key.strip()));
        });
        return Map.copyOf(digests);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
