package nl.duiding.kb.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import nl.duiding.kb.narrative.TenantCode;

/**
 * Reads the local users of the {@code local} profile. The file stays out of git (scripts/start.sh generates one
 * with random passwords); one user per line:
 *
 * <pre>
 * # username=password,role[+role...],tenant
 * redacteur=s3cret,redacteur,nationaal
 * kcc=geheim,kcc-medewerker,GM0363
 * </pre>
 *
 * A password may carry a Spring Security encoding prefix such as {@code {bcrypt}}; without one it is plain text.
 * Roles: kcc-medewerker, redacteur, eindredacteur, analist, beheerder, connector. Tenant: nationaal or GM + 4 digits.
 */
final class LocalUsersFile {

    private LocalUsersFile() {
    }

    /** One line of the file; {@link #toUser()} makes a fresh user each time, as Spring erases credentials after login. */
    record Entry(String username, String password, Set<Role> roles, TenantCode tenant) {

        LocalUser toUser() {
            return new LocalUser(username, password, roles, tenant);
        }
    }

    static List<Entry> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the local users file " + file
                    + " (duiding.security.local-users-file); scripts/start.sh creates one", e);
        }
        List<Entry> users = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            users.add(parse(line, file + ":" + (i + 1)));
        }
        return users;
    }

    private static Entry parse(String line, String where) {
        int eq = line.indexOf('=');
        int lastComma = line.lastIndexOf(',');
        int roleComma = lastComma < 0 ? -1 : line.lastIndexOf(',', lastComma - 1);
        if (eq < 1 || roleComma <= eq) {
            throw new IllegalStateException(where + ": expected username=password,role,tenant");
        }
        String username = line.substring(0, eq).strip();
        String password = line.substring(eq + 1, roleComma);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String code : line.substring(roleComma + 1, lastComma).split("\\+")) {
            roles.add(Role.fromCode(code.strip())
                    .orElseThrow(() -> new IllegalStateException(where + ": unknown role '" + code.strip() + "'")));
        }
        TenantCode tenant;
        try {
            tenant = new TenantCode(line.substring(lastComma + 1).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ": " + e.getMessage(), e);
        }
        String encoded = password.startsWith("{") ? password : "{noop}" + password;
        return new Entry(username, encoded, roles, tenant);
    }
}
