package nl.duiding.connector.kb;

import java.net.http.HttpClient;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

import feign.RequestTemplate;

/**
 * A bearer token of the municipality's identity provider, obtained with the OAuth2 {@code client_credentials} grant
 * by Spring Security's OAuth2 client: kept in memory and fetched again shortly before it expires (the client's
 * default clock skew, 60 s), or at once after kb-service refused it. Neither the secret nor a token is ever logged.
 */
final class ClientCredentialsToken implements KbCredentials {

    private static final Logger log = LoggerFactory.getLogger(ClientCredentialsToken.class);
    private static final String REGISTRATION = "kb-service";
    /** The grant has no user: the connector itself is the principal the token is kept under. */
    private static final String PRINCIPAL = "kcc-connector";

    private final KbProperties.ClientCredentials settings;
    private final InMemoryOAuth2AuthorizedClientService tokens;
    private final AuthorizedClientServiceOAuth2AuthorizedClientManager manager;
    /** One request to the provider at a time: concurrent calls wait for the token one of them fetches. */
    private final ReentrantLock fetching = new ReentrantLock();

    ClientCredentialsToken(KbProperties.ClientCredentials settings) {
        this.settings = settings;
        if (settings.clientId() == null || settings.clientId().isBlank() || settings.clientSecret() == null) {
            throw new IllegalStateException("duiding.kb.client-credentials needs client-id and client-secret besides "
                    + "token-uri");
        }
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientId(settings.clientId()).clientSecret(settings.clientSecret().value())
                .tokenUri(settings.tokenUri().toString()).scope(Set.copyOf(settings.scope())).build();
        var registrations = new InMemoryClientRegistrationRepository(registration);
        this.tokens = new InMemoryOAuth2AuthorizedClientService(registrations);
        this.manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, tokens);
        RestClientClientCredentialsTokenResponseClient tokenEndpoint = new RestClientClientCredentialsTokenResponseClient();
        tokenEndpoint.setRestClient(tokenClient(settings));
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials(grant -> grant.accessTokenResponseClient(tokenEndpoint)).build());
    }

    /** The client library's own converters and error handling, with timeouts: a hanging provider must not hang us. */
    private static RestClient tokenClient(KbProperties.ClientCredentials settings) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build());
        requests.setReadTimeout(settings.timeout());
        return RestClient.builder().requestFactory(requests)
                .configureMessageConverters(converters -> converters
                        .addCustomConverter(new FormHttpMessageConverter())
                        .addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build();
    }

    @Override
    public void apply(RequestTemplate template) {
        OAuth2AuthorizedClient client;
        fetching.lock();
        try {
            client = manager.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION)
                    .principal(PRINCIPAL).build());
        } catch (OAuth2AuthorizationException e) {
            // The provider's error code and status only: its description may echo what we sent.
            String why = e.getError().getErrorCode() + status(e);
            log.warn("no token for kb-service from {}: {}", settings.tokenUri(), why);
            throw new KbUnavailable("no token from the identity provider (" + why + ")", 0, null);
        } catch (RestClientException e) {
            log.warn("no token for kb-service from {}: {}", settings.tokenUri(), e.getClass().getSimpleName());
            throw new KbUnavailable("identity provider not reachable", 0, null);
        } finally {
            fetching.unlock();
        }
        if (client == null) {
            throw new KbUnavailable("no token from the identity provider", 0, null);
        }
        template.header("Authorization", "Bearer " + client.getAccessToken().getTokenValue());
    }

    /** The token endpoint's HTTP status, e.g. 401 for a wrong client secret (answered as a 401, not an OAuth2 error). */
    private static String status(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RestClientResponseException response) {
                return ", HTTP " + response.getStatusCode().value();
            }
        }
        return "";
    }

    @Override
    public void refused() {
        tokens.removeAuthorizedClient(REGISTRATION, PRINCIPAL);
    }

    @Override
    public String describe() {
        return "client-credentials token from " + settings.tokenUri() + " as client '" + settings.clientId() + "'";
    }
}
