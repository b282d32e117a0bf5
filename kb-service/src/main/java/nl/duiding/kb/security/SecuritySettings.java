package nl.duiding.kb.security;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param localUsersFile the users of the {@code local} profile (see {@link LocalUsersFile} for the format); without
 *                       it no one can log in with a password
 * @param frameAncestors who may show the editor's pages in an iframe: the CSP {@code frame-ancestors} sources, e.g.
 *                       {@code 'self' https://intranet.gemeente.nl}. A portal on another site also needs
 *                       {@code server.servlet.session.cookie.same-site=none} (and HTTPS) for the login to stick.
 */
@ConfigurationProperties("duiding.security")
public record SecuritySettings(Path localUsersFile, @DefaultValue("'self'") String frameAncestors) {
}
