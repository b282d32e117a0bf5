package nl.duiding.connector.sidebar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import nl.duiding.connector.kb.KbApi;

class EarlierContactsTest {

    private static KbApi.EarlierContact at(String instant) {
        return new KbApi.EarlierContact(Instant.parse(instant), "telefoon", List.of("chemtrails"), List.of("Chemtrails"),
                "telefoon", null);
    }

    @Test
    void showsContactsUnderTheOldAndTheNewHashAsOneListNewestFirst() {
        var merged = EarlierContacts.merge(List.of(at("2026-11-20T10:00:00Z")),
                List.of(at("2026-11-01T10:00:00Z"), at("2026-11-25T10:00:00Z")));

        assertThat(merged).extracting(KbApi.EarlierContact::occurredAt).containsExactly(
                Instant.parse("2026-11-25T10:00:00Z"), Instant.parse("2026-11-20T10:00:00Z"),
                Instant.parse("2026-11-01T10:00:00Z"));
    }

    @Test
    void keepsTheTenNewest() {
        var many = IntStream.range(1, 16).mapToObj(d -> at("2026-11-%02dT10:00:00Z".formatted(d))).toList();

        var merged = EarlierContacts.merge(many.subList(0, 8), many.subList(8, 15));

        assertThat(merged).hasSize(10).first().extracting(KbApi.EarlierContact::occurredAt)
                .isEqualTo(Instant.parse("2026-11-15T10:00:00Z"));
    }
}
