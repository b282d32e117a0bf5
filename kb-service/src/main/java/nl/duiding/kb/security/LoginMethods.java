package nl.duiding.kb.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.stereotype.Component;

/**
 * How people can log in to the editor's pages in this deployment: with a password of the local users file (the
 * {@code local} profile), and/or through the identity providers configured as OpenID Connect client registrations
 * ({@code spring.security.oauth2.client.registration.<id>.*}). The login page offers exactly these.
 */
@Component
public class LoginMethods {

    private final boolean passwords;
    private final ClientRegistrationRepository registrations;
    private final List<Provider> providers;

    LoginMethods(SecuritySettings settings, ObjectProvider<ClientRegistrationRepository> registrations) {
        this.passwords = settings.localUsersFile() != null;
        this.registrations = registrations.getIfAvailable();
        List<Provider> found = new ArrayList<>();
        if (this.registrations instanceof Iterable<?> all) {
            for (Object each : all) {
                if (each instanceof ClientRegistration registration
                        && AuthorizationGrantType.AUTHORIZATION_CODE.equals(registration.getAuthorizationGrantType())) {
                    found.add(new Provider(registration.getClientName(),
                            SecurityConfiguration.OIDC_START + "/" + registration.getRegistrationId()));
                }
            }
        }
        this.providers = List.copyOf(found);
    }

    /** Whether the login page shows the user name and password form. */
    public boolean passwords() {
        return passwords;
    }

    /** The identity providers to log in with, in configuration order. */
    public List<Provider> providers() {
        return providers;
    }

    /** The registrations for the OpenID Connect login; null when none is configured. */
    ClientRegistrationRepository registrations() {
        return providers.isEmpty() ? null : registrations;
    }

    /**
     * One identity provider on the login page.
     *
     * @param name  what the button says after "Inloggen via" ({@code client-name} of the registration)
     * @param start the address that starts the login
     */
    public record Provider(String name, String start) {
    }
}
