package nl.duiding.kb.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Local users for tests, written to a temporary file in the format of the local users file, with random passwords
 * made per test run. Tenant GM0363 is Amsterdam, GM0599 Rotterdam.
 */
public final class TestUsers {

    public static final String PASSWORD = "pw-" + UUID.randomUUID();

    public static final String KCC = "kcc";
    public static final String KCC_ROTTERDAM = "kcc-rotterdam";
    public static final String REDACTEUR = "redacteur";
    public static final String REDACTEUR_2 = "redacteur2";
    public static final String EINDREDACTEUR = "eindredacteur";
    public static final String EINDREDACTEUR_2 = "eindredacteur2";
    public static final String REDACTEUR_AMSTERDAM = "redacteur-amsterdam";
    public static final String EINDREDACTEUR_AMSTERDAM = "eindredacteur-amsterdam";
    public static final String REDACTEUR_ROTTERDAM = "redacteur-rotterdam";
    public static final String ANALIST = "analist";
    public static final String BEHEERDER = "beheerder";
    public static final String BEHEERDER_AMSTERDAM = "beheerder-amsterdam";
    public static final String CONNECTOR = "connector";

    private TestUsers() {
    }

    public static Path writeFile() {
        String lines = String.join("\n",
                "# test users: username=password,role,tenant",
                KCC + "=" + PASSWORD + ",kcc-medewerker,GM0363",
                KCC_ROTTERDAM + "=" + PASSWORD + ",kcc-medewerker,GM0599",
                REDACTEUR + "=" + PASSWORD + ",redacteur,nationaal",
                REDACTEUR_2 + "=" + PASSWORD + ",redacteur,nationaal",
                EINDREDACTEUR + "=" + PASSWORD + ",eindredacteur,nationaal",
                EINDREDACTEUR_2 + "=" + PASSWORD + ",eindredacteur,nationaal",
                REDACTEUR_AMSTERDAM + "=" + PASSWORD + ",redacteur,GM0363",
                EINDREDACTEUR_AMSTERDAM + "=" + PASSWORD + ",eindredacteur,GM0363",
                REDACTEUR_ROTTERDAM + "=" + PASSWORD + ",redacteur,GM0599",
                ANALIST + "=" + PASSWORD + ",analist,GM0363",
                BEHEERDER + "=" + PASSWORD + ",beheerder,nationaal",
                BEHEERDER_AMSTERDAM + "=" + PASSWORD + ",beheerder,GM0363",
                CONNECTOR + "=" + PASSWORD + ",connector,nationaal") + "\n";
        try {
            Path file = Files.createTempFile("duiding-test-users", ".properties");
            file.toFile().deleteOnExit();
            Files.writeString(file, lines);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RequestPostProcessor as(String user) {
        return httpBasic(user, PASSWORD);
    }
}
