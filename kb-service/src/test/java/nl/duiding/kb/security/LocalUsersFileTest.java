package nl.duiding.kb.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import nl.duiding.kb.narrative.TenantCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalUsersFileTest {

    @TempDir
    Path dir;

    @Test
    void readsUsersWithRolesAndTenants() throws IOException {
        Path file = write("# comment", "", "kcc=abc,def,kcc-medewerker,GM0363",
                "chef=x,redacteur+eindredacteur,nationaal", "oud={bcrypt}$2a$10$abc,beheerder,nationaal");

        List<LocalUsersFile.Entry> users = LocalUsersFile.read(file);

        assertThat(users).hasSize(3);
        assertThat(users.get(0).password()).isEqualTo("{noop}abc,def");
        assertThat(users.get(0).tenant()).isEqualTo(new TenantCode("GM0363"));
        assertThat(users.get(1).roles()).isEqualTo(Set.of(Role.REDACTEUR, Role.EINDREDACTEUR));
        assertThat(users.get(2).password()).isEqualTo("{bcrypt}$2a$10$abc");
        assertThat(users.get(0).toUser().getAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_KCC_MEDEWERKER");
    }

    @Test
    void namesTheLineOfAnUnknownRole() throws IOException {
        Path file = write("a=b,redacteur,nationaal", "c=d,baas,nationaal");

        assertThatThrownBy(() -> LocalUsersFile.read(file)).hasMessageContaining(":2: unknown role 'baas'");
    }

    @Test
    void refusesAnInvalidTenant() throws IOException {
        Path file = write("a=b,redacteur,Amsterdam");

        assertThatThrownBy(() -> LocalUsersFile.read(file)).hasMessageContaining(":1:");
    }

    private Path write(String... lines) throws IOException {
        return Files.write(dir.resolve("users.properties"), List.of(lines));
    }
}
