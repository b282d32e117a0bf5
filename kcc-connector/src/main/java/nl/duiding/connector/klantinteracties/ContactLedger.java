package nl.duiding.connector.klantinteracties;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The durable seen-set of one tenant: which klantcontacten kb-service has acknowledged (accepted or duplicate),
 * were quarantined, or were left out on purpose (vertrouwelijk), each with when it took place so entries older than
 * the horizon can be forgotten. Written to a file (temp file + atomic move) only after kb-service answered, so a
 * crash at any point sends a contact again rather than never: at-least-once, and kb-service deduplicates.
 */
class ContactLedger {

    record State(Map<String, Instant> seen, Instant lastCompleteWalk) {
    }

    private final Path file;
    private final JsonMapper json;
    private final Map<String, Instant> seen = new HashMap<>();
    private Instant lastCompleteWalk;

    ContactLedger(Path file, JsonMapper json) {
        this.file = file;
        this.json = json;
        if (Files.isRegularFile(file)) {
            State state = json.readValue(file.toFile(), State.class);
            if (state.seen() != null) {
                seen.putAll(state.seen());
            }
            lastCompleteWalk = state.lastCompleteWalk();
        }
    }

    synchronized boolean seen(String uuid) {
        return seen.containsKey(uuid);
    }

    synchronized void remember(String uuid, Instant occurredAt) {
        seen.put(uuid, occurredAt == null ? Instant.EPOCH : occurredAt);
    }

    synchronized int size() {
        return seen.size();
    }

    synchronized void walkCompleted(Instant at) {
        lastCompleteWalk = at;
    }

    synchronized Instant lastCompleteWalk() {
        return lastCompleteWalk;
    }

    /** Forgets entries that took place before the horizon; such contacts are not sent any more either. */
    synchronized void forgetBefore(Instant horizon) {
        seen.values().removeIf(at -> at.isBefore(horizon) && !at.equals(Instant.EPOCH));
    }

    synchronized void save() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            json.writeValue(tmp.toFile(), new State(Map.copyOf(seen), lastCompleteWalk));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
