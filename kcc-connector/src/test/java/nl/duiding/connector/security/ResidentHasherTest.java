package nl.duiding.connector.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import nl.duiding.connector.tenant.Secret;

class ResidentHasherTest {

    private static ResidentHasher hasher(String key) {
        return hasher(key, null);
    }

    private static ResidentHasher hasher(String key, String previous) {
        return new ResidentHasher(new SecurityProperties(new Secret(key), previous == null ? null : new Secret(previous),
                null, Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofHours(8)));
    }

    @Test
    void givesTheSameResidentTheSameHashSoEarlierContactsAreFound() {
        ResidentHasher hasher = hasher("k".repeat(40));

        assertThat(hasher.hash("GM0363", "123456782")).isEqualTo(hasher.hash("GM0363", " 123456782 "))
                .matches("[0-9a-f]{64}").doesNotContain("123456782");
    }

    @Test
    void separatesTenantsAndDependsOnTheKey() {
        assertThat(hasher("k".repeat(40)).hash("GM0363", "p1")).isNotEqualTo(hasher("k".repeat(40)).hash("GM0599", "p1"))
                .isNotEqualTo(hasher("q".repeat(40)).hash("GM0363", "p1"));
        assertThat(hasher("k".repeat(40)).hash("GM0363", null)).isNull();
    }

    @Test
    void findsTheHashOfTheKeyBeforeARotationDuringTheTransition() {
        ResidentHasher before = hasher("oud".repeat(15));
        ResidentHasher during = hasher("nieuw".repeat(10), "oud".repeat(15));

        assertThat(during.previousHash("GM0363", "p1")).isEqualTo(before.hash("GM0363", "p1"));
        assertThat(during.hash("GM0363", "p1")).isNotEqualTo(before.hash("GM0363", "p1"));
        assertThat(before.previousHash("GM0363", "p1")).as("no transition configured").isNull();
        assertThatThrownBy(() -> hasher("nieuw".repeat(10), "kort")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("resident-hash-previous-key");
    }

    @Test
    void refusesAShortKey() {
        assertThatThrownBy(() -> hasher("kort")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("resident-hash-key").hasMessageNotContaining("kort");
    }
}
