package nl.duiding.kb.security;

import java.util.List;

import nl.duiding.kb.web.ProblemWriter;
import nl.duiding.kb.web.SecurityProblems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what. HTTP Basic against the local users file for now; the OAuth2 JWT issue adds a resource server
 * beside it, and the rules below stay as they are because they speak in roles.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String[] EDITORS = {Role.REDACTEUR.roleName(), Role.EINDREDACTEUR.roleName()};
    private static final String FINAL_EDITOR = Role.EINDREDACTEUR.roleName();

    /**
     * The editor's pages: form login with a session cookie and CSRF protection, which a browser needs and the
     * stateless API does not. Only {@code /} and {@code /redactie/**} go through this chain; everything else keeps
     * the API chain below, unchanged. Framing is governed by CSP {@code frame-ancestors} (configurable), so the
     * pages can live in an intranet portal's iframe; no inline scripts or styles are allowed.
     */
    @Bean
    @Order(1)
    SecurityFilterChain pages(HttpSecurity http, SecuritySettings settings) throws Exception {
        http.securityMatcher("/", "/redactie", "/redactie/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/redactie/inloggen", "/redactie/geen-toegang", "/redactie/assets/**")
                        .permitAll()
                        .requestMatchers("/redactie/uitwisseling/content/**").hasRole(Role.BEHEERDER.roleName())
                        .requestMatchers("/redactie/uitwisseling", "/redactie/uitwisseling/**")
                        .hasAnyRole(Role.REDACTEUR.roleName(), Role.EINDREDACTEUR.roleName(),
                                Role.BEHEERDER.roleName())
                        // Publishing, sending back and archiving: final editors only; the workflow checks four-eyes.
                        .requestMatchers(HttpMethod.POST, "/redactie/verhalen/*/publiceren",
                                "/redactie/verhalen/*/terugsturen", "/redactie/verhalen/*/archiveren")
                        .hasRole(FINAL_EDITOR)
                        .requestMatchers("/redactie", "/redactie/**").hasAnyRole(EDITORS)
                        .requestMatchers("/").authenticated()
                        .anyRequest().denyAll())
                .formLogin(form -> form.loginPage("/redactie/inloggen").loginProcessingUrl("/redactie/inloggen")
                        .defaultSuccessUrl("/redactie", false).failureUrl("/redactie/inloggen?fout").permitAll())
                .logout(logout -> logout.logoutUrl("/redactie/uitloggen")
                        .logoutSuccessUrl("/redactie/inloggen?uitgelogd"))
                .exceptionHandling(ex -> ex.accessDeniedPage("/redactie/geen-toegang"))
                .headers(headers -> headers
                        .frameOptions(frame -> frame.disable())
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
                                + "style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
                                + "form-action 'self'; frame-ancestors " + settings.frameAncestors())));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, ProblemWriter problems) throws Exception {
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
                        // The JSON-LD context of the ClaimReview export: processors fetch it without credentials.
                        .requestMatchers(HttpMethod.GET, "/api/v1/jsonld/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/claimreviews").authenticated()
                        // Editorial work: working copies, history and changes.
                        .requestMatchers(HttpMethod.GET, "/api/v1/narratives/*/draft", "/api/v1/narratives/*/revisions",
                                "/api/v1/narratives/*/revisions/**").hasAnyRole(EDITORS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/narratives/*/publish", "/api/v1/narratives/*/reject",
                                "/api/v1/narratives/*/archive").hasRole(FINAL_EDITOR)
                        .requestMatchers(HttpMethod.POST, "/api/v1/narratives", "/api/v1/narratives/*/submit",
                                "/api/v1/narratives/*/revisions/*/restore").hasAnyRole(EDITORS)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/narratives/*").hasAnyRole(EDITORS)
                        .requestMatchers("/api/v1/content/**").hasRole(Role.BEHEERDER.roleName())
                        // Reading published narratives, search, match and suggest: every role, the connector too.
                        .requestMatchers(HttpMethod.GET, "/api/v1/narratives", "/api/v1/narratives/*").authenticated()
                        .anyRequest().authenticated())
                .headers(Customizer.withDefaults());
        return http.build();
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
