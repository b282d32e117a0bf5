package nl.duiding.connector.klantinteracties;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.json.JsonMapper;

/**
 * Klantcontacten the adapter could not pass on: malformed records and records kb-service rejected. Each is written
 * as one JSON line (id, reason, when; never the contact's text, which may hold personal data) and logged, so a
 * functioneel beheerder sees them; the poll itself goes on.
 */
class Quarantine {

    private static final Logger log = LoggerFactory.getLogger(Quarantine.class);

    record Entry(String tenant, String id, String reason, Instant at) {
    }

    private final Path file;
    private final JsonMapper json;
    private final String tenant;

    Quarantine(Path file, JsonMapper json, String tenant) {
        this.file = file;
        this.json = json;
        this.tenant = tenant;
    }

    synchronized void put(String id, String reason, Instant at) {
        Entry entry = new Entry(tenant, id, reason, at);
        log.warn("klantcontact {} of {} quarantined: {}", id, tenant, reason);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, json.writeValueAsString(entry) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write quarantine " + file, e);
        }
    }

    synchronized List<Entry> entries() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<Entry> entries = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    entries.add(json.readValue(line, Entry.class));
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
