package nl.duiding.connector.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import nl.duiding.connector.tenant.Secret;
import nl.duiding.connector.tenant.TenantProperties;
import nl.duiding.connector.tenant.Tenants;

class LaunchLinksTest {

    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
    private static final Secret SECRET = new Secret("launch-secret-of-at-least-32-bytes-" + UUID.randomUUID());
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final SecurityProperties properties = new SecurityProperties(
            new Secret("resident-hash-key-of-at-least-32-bytes!!"), null, null, Duration.ofMinutes(5),
            Duration.ofSeconds(30), Duration.ofHours(8));
    private final LaunchLinks links = new LaunchLinks(new Tenants(new TenantProperties(Map.of("GM0363",
            new TenantProperties.Tenant(SECRET, List.of("https://crm.example"), null, null)))),
            new ReplayGuard(clock), new ResidentHasher(properties), properties, clock);
    private final LaunchLinkIssuer issuer = new LaunchLinkIssuer(SECRET, clock);

    private static LaunchLinkIssuer.Launch launch(String channel) {
        return new LaunchLinkIssuer.Launch("GM0363", channel, "kc-1", "crm-partij-42", "Onderwerp",
                "Inwoner zegt dat 5G ziek maakt");
    }

    @Test
    void opensAValidLinkWithItsContextAndOnlyAHashOfTheResident() {
        LaunchContext context = links.open(issuer.sign(launch("email"), Duration.ofMinutes(2)));

        assertThat(context.tenant()).isEqualTo("GM0363");
        assertThat(context.channel()).isEqualTo("email");
        assertThat(context.contactId()).isEqualTo("kc-1");
        assertThat(context.subject()).isEqualTo("Onderwerp");
        assertThat(context.notes()).contains("5G");
        assertThat(context.residentHash()).matches("[0-9a-f]{64}").doesNotContain("42");
        assertThat(context.toString()).doesNotContain("crm-partij-42");
    }

    @Test
    void refusesAForgedLink() {
        String forged = new LaunchLinkIssuer(new Secret("another-secret-of-at-least-32-bytes!!"), clock)
                .sign(launch("telefoon"), Duration.ofMinutes(2));

        assertThatThrownBy(() -> links.open(forged)).isInstanceOfSatisfying(LaunchRefused.class,
                e -> assertThat(e.reason()).isEqualTo(LaunchRefused.Reason.ONGELDIG));
    }

    @Test
    void refusesATamperedLink() {
        String token = issuer.sign(launch("telefoon"), Duration.ofMinutes(2));
        String[] parts = token.split("\\.");
        String otherClaims = issuer.sign(new LaunchLinkIssuer.Launch("GM0363", "chat", "kc-2", "someone-else", null,
                null), Duration.ofMinutes(2)).split("\\.")[1];

        assertThatThrownBy(() -> links.open(parts[0] + "." + otherClaims + "." + parts[2]))
                .isInstanceOf(LaunchRefused.class);
    }

    @Test
    void refusesAnExpiredLink() {
        String token = issuer.sign(launch("telefoon"), NOW.minusSeconds(300), NOW.minusSeconds(60), "j1");

        assertThatThrownBy(() -> links.open(token)).isInstanceOfSatisfying(LaunchRefused.class,
                e -> assertThat(e.reason()).isEqualTo(LaunchRefused.Reason.VERLOPEN));
    }

    @Test
    void refusesALinkThatClaimsToLiveTooLong() {
        String token = issuer.sign(launch("telefoon"), NOW, NOW.plus(Duration.ofHours(24)), "j2");

        assertThatThrownBy(() -> links.open(token)).isInstanceOfSatisfying(LaunchRefused.class,
                e -> assertThat(e.reason()).isEqualTo(LaunchRefused.Reason.ONGELDIG));
    }

    @Test
    void opensALinkOnlyOnce() {
        String token = issuer.sign(launch("telefoon"), Duration.ofMinutes(2));
        links.open(token);

        assertThatThrownBy(() -> links.open(token)).isInstanceOfSatisfying(LaunchRefused.class,
                e -> assertThat(e.reason()).isEqualTo(LaunchRefused.Reason.AL_GEBRUIKT));
    }

    @Test
    void refusesUnsignedLinksAndOtherAudiencesAndUnknownTenants() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("GM0363").audience(LaunchLinks.AUDIENCE)
                .issueTime(java.util.Date.from(NOW)).expirationTime(java.util.Date.from(NOW.plusSeconds(60)))
                .jwtID("j3").build();
        String unsigned = new PlainJWT(claims).serialize();
        SignedJWT otherAudience = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
                new JWTClaimsSet.Builder(claims).audience("something-else").jwtID("j4").build());
        otherAudience.sign(new MACSigner(SECRET.bytes()));
        String otherTenant = new LaunchLinkIssuer(SECRET, clock).sign(new LaunchLinkIssuer.Launch("GM0599",
                "telefoon", null, null, null, null), Duration.ofMinutes(1));

        assertThatThrownBy(() -> links.open(unsigned)).isInstanceOf(LaunchRefused.class);
        assertThatThrownBy(() -> links.open(otherAudience.serialize())).isInstanceOf(LaunchRefused.class);
        assertThatThrownBy(() -> links.open(otherTenant)).isInstanceOfSatisfying(LaunchRefused.class,
                e -> assertThat(e.reason()).isEqualTo(LaunchRefused.Reason.ONBEKENDE_GEMEENTE));
        assertThatThrownBy(() -> links.open("")).isInstanceOfSatisfying(LaunchRefused.class,
                e -> assertThat(e.reason()).isEqualTo(LaunchRefused.Reason.ONTBREEKT));
        assertThatThrownBy(() -> links.open("geen.jwt")).isInstanceOf(LaunchRefused.class);
    }

    @Test
    void fallsBackToTelefoonForAnUnknownChannel() {
        assertThat(links.open(issuer.sign(launch("postduif"), Duration.ofMinutes(1))).channel()).isEqualTo("telefoon");
    }
}
