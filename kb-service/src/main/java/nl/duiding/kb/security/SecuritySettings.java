package nl.duiding.kb.security;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param localUsersFile the users of the {@code local} profile (see {@link LocalUsersFile} for the format); without
 *                       it no one can log in with a password
 */
@ConfigurationProperties("duiding.security")
public record SecuritySettings(Path localUsersFile) {
}
