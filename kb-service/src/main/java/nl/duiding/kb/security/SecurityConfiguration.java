package nl.duiding.kb.security;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import nl.duiding.kb.web.ProblemWriter;
import nl.duiding.kb.web.Problems;
import nl.duiding.kb.web.SecurityProblems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * How people and services log in, and where the access matrix is enforced. Who may do what is in
 * {@link AccessMatrix}; both chains apply it.
 *
 * <ul>
 *   <li>Editor pages ({@code /}, {@code /redactie/**}): a session cookie and CSRF protection; OpenID Connect login
 *   against the identity provider when a client registration is configured (production), form login against the
 *   local users file when that is configured (the {@code local} profile).</li>
 *   <li>API (everything else): stateless; a bearer JWT of the municipality's identity provider when one is
 *   configured ({@code spring.security.oauth2.resourceserver.jwt.*}, the {@code prod} profile requires it), an API key
 *   in {@code X-Api-Key} when keys are configured (kcc-connector), HTTP Basic against the local users file when one
 *   is configured (the {@code local} profile).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** HTML served under the API (the report's {@code .html}); the pages chain has its own headers. */
    static final RequestMatcher HTML_VIEWS = request -> request.getRequestURI().endsWith(".html");
    static final String LOGIN_PAGE = "/redactie/inloggen";
    /** Spring Security's own addresses for starting the OpenID Connect login and for the provider's redirect back. */
    static final String OIDC_START = "/oauth2/authorization";
    static final String OIDC_RETURN = "/login/oauth2/code/*";

    private static final String[] ALL_ROLES = Arrays.stream(Role.values()).map(Role::roleName).toArray(String[]::new);

    /**
     * The editor's pages: a session cookie and CSRF protection, which a browser needs and the stateless API does not.
     * People log in with the municipality's identity provider (OpenID Connect, authorization code flow) when a client
     * registration is configured ({@code spring.security.oauth2.client.registration.*}, the {@code prod} way), and
     * with a password of the local users file when that is configured (the {@code local} profile). Framing is
     * governed by CSP {@code frame-ancestors} (configurable), so the pages can live in an intranet portal's iframe; no
     * inline scripts or styles are allowed.
     */
    @Bean
    @Order(1)
    SecurityFilterChain pages(HttpSecurity http, SecuritySettings settings, RateLimiter rateLimiter,
            LoginMethods logins, IdentityClaims claims) throws Exception {
        http.securityMatcher("/", "/redactie", "/redactie/**", OIDC_START + "/*", OIDC_RETURN)
                .authorizeHttpRequests(auth -> {
                    AccessMatrix.apply(auth);
                    auth.anyRequest().denyAll();
                })
                // Before a login is processed: password guessing and login floods are counted per address.
                .addFilterBefore(rateLimiter, LogoutFilter.class)
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE))
                        .accessDeniedPage("/redactie/geen-toegang"))
                .headers(headers -> headers
                        .frameOptions(frame -> frame.disable())
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
                                + "style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
                                + "form-action 'self'; frame-ancestors " + settings.frameAncestors())));
        if (logins.passwords()) {
            http.formLogin(form -> form.loginPage(LOGIN_PAGE).loginProcessingUrl(LOGIN_PAGE)
                    .defaultSuccessUrl("/redactie", false).failureUrl(LOGIN_PAGE + "?fout").permitAll());
        }
        ClientRegistrationRepository registrations = logins.registrations();
        if (registrations != null) {
            http.oauth2Login(oidc -> oidc.loginPage(LOGIN_PAGE)
                    .authorizationEndpoint(start -> start.baseUri(OIDC_START))
                    .redirectionEndpoint(back -> back.baseUri(OIDC_RETURN))
                    .userInfoEndpoint(user -> user.oidcUserService(new IdentityProviderUserService(claims)))
                    .defaultSuccessUrl("/redactie", false)
                    .failureUrl(LOGIN_PAGE + "?mislukt"));
        }
        http.logout(logout -> logout.logoutUrl("/redactie/uitloggen").logoutSuccessHandler(logoutSuccess(registrations)));
        return http.build();
    }

    /** Back to the login page; after an OpenID Connect login also out at the provider, when it offers that. */
    private static LogoutSuccessHandler logoutSuccess(ClientRegistrationRepository registrations) {
        String loggedOut = LOGIN_PAGE + "?uitgelogd";
        if (registrations == null) {
            SimpleUrlLogoutSuccessHandler handler = new SimpleUrlLogoutSuccessHandler();
            handler.setDefaultTargetUrl(loggedOut);
            return handler;
        }
        OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri("{baseUrl}" + loggedOut);
        handler.setDefaultTargetUrl(loggedOut);
        return handler;
    }

    @Bean
    IdentityClaims identityClaims(SecuritySettings settings) {
        return new IdentityClaims(settings.jwt());
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, ProblemWriter problems, SecuritySettings settings,
            ObjectProvider<JwtDecoder> jwtDecoder, ApiKeys apiKeys, RateLimiter rateLimiter, IdentityClaims claims)
            throws Exception {
        AuthenticationEntryPoint unauthorized =
                (request, response, e) -> problems.write(request, response, SecurityProblems.unauthorized());
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(
                                (request, response, e) -> problems.write(request, response, SecurityProblems.forbidden())))
                .authorizeHttpRequests(auth -> {
                    AccessMatrix.apply(auth);
                    // Addresses without a row have no handler (AccessMatrixIT): signed-in users hear 404 or 405.
                    auth.anyRequest().hasAnyRole(ALL_ROLES);
                })
                .addFilterBefore(rateLimiter, AuthorizationFilter.class)
                // The API's HTML views (the daily report) must work inside the CRM's iframe: they name who may
                // frame them (CSP frame-ancestors) and leave out X-Frame-Options, which can only say DENY or
                // SAMEORIGIN; everything else in the API stays unframeable.
                .headers(headers -> headers
                        .frameOptions(frame -> frame.disable())
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(HTML_VIEWS),
                                new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(HTML_VIEWS,
                                new StaticHeadersWriter("Content-Security-Policy",
                                        "frame-ancestors " + settings.frameAncestors()))));
        if (settings.localUsersFile() != null) {
            http.httpBasic(basic -> basic.authenticationEntryPoint(unauthorized));
        }
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            http.oauth2ResourceServer(resource -> resource
                    .authenticationEntryPoint(unauthorized)
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new JwtClaimsConverter(claims)))
                    .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                        @Override
                        public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                            filter.setAuthenticationFailureHandler((request, response, e) -> {
                                if (e instanceof AuthenticationServiceException) {
                                    // The identity provider's keys could not be fetched: our problem, not the token's.
                                    problems.write(request, response, identityProviderUnavailable());
                                } else {
                                    unauthorized.commence(request, response, e);
                                }
                            });
                            return filter;
                        }
                    }));
        }
        if (!apiKeys.isEmpty()) {
            // With the other logins, so the rate limiter (before authorisation) already counts the key's client.
            http.addFilterBefore(apiKeyFilter(apiKeys, unauthorized), BasicAuthenticationFilter.class);
        }
        return http.build();
    }

    private static AuthenticationFilter apiKeyFilter(ApiKeys keys, AuthenticationEntryPoint unauthorized) {
        AuthenticationFilter filter = new AuthenticationFilter(new ProviderManager(new ApiKeyAuthentication.Provider(keys)),
                request -> {
                    String key = request.getHeader(ApiKeyAuthentication.HEADER);
                    return key == null ? null : ApiKeyAuthentication.presented(key.strip());
                });
        filter.setSecurityContextRepository(new RequestAttributeSecurityContextRepository());
        filter.setSuccessHandler((request, response, authentication) -> {
            // Continue to the endpoint: AuthenticationFilter calls the chain after this handler.
        });
        filter.setFailureHandler(new AuthenticationEntryPointFailureHandler(unauthorized));
        return filter;
    }

    private static org.springframework.http.ProblemDetail identityProviderUnavailable() {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "inloggen-niet-beschikbaar", "Inloggen tijdelijk niet mogelijk",
                "De kennisbank kan de sleutels van de inlogdienst nu niet ophalen. Probeer het zo opnieuw.");
    }

    @Bean
    RateLimiter rateLimiter(RateLimitSettings settings, ProblemWriter problems) {
        return new RateLimiter(settings, problems);
    }

    /** Registered by hand in the chains; Spring Boot must not also run it as a servlet filter for every request. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<RateLimiter> rateLimiterOutsideChains(
            RateLimiter rateLimiter) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(rateLimiter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    ApiKeys apiKeys(SecuritySettings settings, Clock clock) {
        return new ApiKeys(settings.apiKeys(), clock);
    }

    /** Refused requests become application events, which the audit log records. */
    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher events) {
        return new SpringAuthorizationEventPublisher(events);
    }

    /**
     * The local users when {@code duiding.security.local-users-file} is set (the {@code local} profile sets it);
     * otherwise nobody, so a deployment without a login method answers 401 instead of inventing a user.
     */
    @Bean
    UserDetailsService localUsers(SecuritySettings settings) {
        List<LocalUsersFile.Entry> users = settings.localUsersFile() == null
                ? List.of()
                : LocalUsersFile.read(settings.localUsersFile());
        return username -> users.stream().filter(u -> u.username().equals(username)).findFirst()
                .map(LocalUsersFile.Entry::toUser)
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

}
