package nl.duiding.kb.security;

import java.util.List;

import nl.duiding.kb.web.ProblemWriter;
import nl.duiding.kb.web.SecurityProblems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may do what. HTTP Basic against the local users file for now; the OAuth2 JWT issue adds a resource server
 * beside it, and the rules below stay as they are because they speak in roles.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String[] EDITORS = {Role.REDACTEUR.roleName(), Role.EINDREDACTEUR.roleName()};
    private static final String FINAL_EDITOR = Role.EINDREDACTEUR.roleName();
    private static final String CONNECTOR = Role.CONNECTOR.roleName();
    private static final String AGENT = Role.KCC_MEDEWERKER.roleName();
    private static final String ANALYST = Role.ANALIST.roleName();

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemWriter problems, PageFraming framing) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(
                        (request, response, e) -> problems.write(request, response, SecurityProblems.unauthorized())))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint(
                                (request, response, e) -> problems.write(request, response, SecurityProblems.unauthorized()))
                        .accessDeniedHandler(
                                (request, response, e) -> problems.write(request, response, SecurityProblems.forbidden())))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/api/v1/openapi.json", "/api/v1/openapi.json/**",
                                "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/error").permitAll()
                        // Editorial work: working copies, history and changes.
                        .requestMatchers(HttpMethod.GET, "/api/v1/narratives/*/draft", "/api/v1/narratives/*/revisions",
                                "/api/v1/narratives/*/revisions/**").hasAnyRole(EDITORS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/narratives/*/publish", "/api/v1/narratives/*/reject",
                                "/api/v1/narratives/*/archive").hasRole(FINAL_EDITOR)
                        .requestMatchers(HttpMethod.POST, "/api/v1/narratives", "/api/v1/narratives/*/submit",
                                "/api/v1/narratives/*/revisions/*/restore").hasAnyRole(EDITORS)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/narratives/*").hasAnyRole(EDITORS)
                        .requestMatchers("/api/v1/content/**").hasRole(Role.BEHEERDER.roleName())
                        // Contact signals come from the connector only; feedback and history also from an agent.
                        .requestMatchers(HttpMethod.POST, "/api/v1/signals").hasRole(CONNECTOR)
                        .requestMatchers(HttpMethod.POST, "/api/v1/feedback").hasAnyRole(CONNECTOR, AGENT)
                        .requestMatchers(HttpMethod.GET, "/api/v1/residents/*/history").hasAnyRole(CONNECTOR, AGENT)
                        // Belacties: the sidebar reads the active ones; the analyst reads all and moves them on.
                        .requestMatchers(HttpMethod.GET, "/api/v1/campaigns/active")
                                .hasAnyRole(CONNECTOR, AGENT, ANALYST)
                        .requestMatchers("/api/v1/campaigns", "/api/v1/campaigns/**").hasRole(ANALYST)
                        .requestMatchers(HttpMethod.GET, "/api/v1/reports/**").hasRole(ANALYST)
                        // Reading published narratives, search, match and suggest: every role, the connector too.
                        .requestMatchers(HttpMethod.GET, "/api/v1/narratives", "/api/v1/narratives/*").authenticated()
                        .anyRequest().authenticated())
                // Pages must work inside the CRM's iframe: they name who may frame them (CSP frame-ancestors) and
                // leave out X-Frame-Options, which can only say DENY or SAMEORIGIN; the API stays unframeable.
                .headers(headers -> headers
                        .frameOptions(frame -> frame.disable())
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(PAGES),
                                new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(PAGES,
                                new StaticHeadersWriter("Content-Security-Policy", framing.policy()))));
        return http.build();
    }

    /** HTML pages: everything outside the JSON API and actuator, and the API's {@code .html} renderings. */
    static final RequestMatcher PAGES = request -> {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.endsWith(".html") || !(path.startsWith("/api/") || path.startsWith("/actuator"));
    };

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
