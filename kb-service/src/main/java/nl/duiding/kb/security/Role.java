package nl.duiding.kb.security;

import java.util.Optional;

/**
 * What a user may do. Granted as {@code ROLE_<NAME>} authorities, so the OAuth2 resource server that replaces the
 * local users later only has to map its role claim onto the same names.
 */
public enum Role {
    KCC_MEDEWERKER("kcc-medewerker"),
    REDACTEUR("redacteur"),
    EINDREDACTEUR("eindredacteur"),
    ANALIST("analist"),
    BEHEERDER("beheerder"),
    /** A service client such as kcc-connector: reads published narratives, matches and suggests. */
    CONNECTOR("connector");

    private final String code;

    Role(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The name for {@code hasRole(...)}; the granted authority is {@code ROLE_} plus this. */
    public String roleName() {
        return name();
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<Role> fromCode(String code) {
        for (Role role : values()) {
            if (role.code.equals(code)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    public static Optional<Role> fromAuthority(String authority) {
        for (Role role : values()) {
            if (role.authority().equals(authority)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
