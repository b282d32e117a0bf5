package nl.duiding.kb.security;

import static nl.duiding.kb.security.AccessMatrix.Who.EVERYONE;
import static nl.duiding.kb.security.Role.ANALIST;
import static nl.duiding.kb.security.Role.BEHEERDER;
import static nl.duiding.kb.security.Role.CONNECTOR;
import static nl.duiding.kb.security.Role.EINDREDACTEUR;
import static nl.duiding.kb.security.Role.KCC_MEDEWERKER;
import static nl.duiding.kb.security.Role.REDACTEUR;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what: every endpoint of kb-service, by method and the exact path pattern of its handler mapping, with
 * the roles allowed. This table is what both security filter chains enforce, and {@code AccessMatrixIT} fails when
 * an endpoint of the application has no row here, when a row names no endpoint, or when a role gets other answers
 * than the row says. A new endpoint therefore needs a row before the build passes.
 *
 * <p>Beyond the role, features check the tenant (a user of gemeente A never sees B's local narratives) and the
 * workflow (four-eyes); that is data, not address, and stays in the features.
 */
public final class AccessMatrix {

    /** Every role, service clients included; a token or user with no Duiding role gets none of these. */
    private static final Who ALL = Who.roles(Role.values());
    private static final Who EDITORS = Who.roles(REDACTEUR, EINDREDACTEUR);
    private static final Who FINAL_EDITORS = Who.roles(EINDREDACTEUR);
    private static final Who ADMINS = Who.roles(BEHEERDER);
    private static final Who EDITORS_AND_ADMINS = Who.roles(REDACTEUR, EINDREDACTEUR, BEHEERDER);
    private static final Who CONNECTORS = Who.roles(CONNECTOR);
    private static final Who CONNECTORS_AND_ADMINS = Who.roles(CONNECTOR, BEHEERDER);
    private static final Who AGENTS = Who.roles(CONNECTOR, KCC_MEDEWERKER);
    private static final Who SIDEBAR_AND_ANALYSTS = Who.roles(CONNECTOR, KCC_MEDEWERKER, ANALIST);
    private static final Who ANALYSTS = Who.roles(ANALIST);

    private static final List<Rule> RULES = List.of(
            // --- API: reading and matching (the sidebar, through kcc-connector) --------------------------------------
            //       method  path pattern (as in the handler mapping)                  who
            handler(GET, "/api/v1/narratives", ALL),
            handler(GET, "/api/v1/narratives/{slug}", ALL),
            handler(POST, "/api/v1/match", ALL),
            handler(GET, "/api/v1/suggest", ALL),
            handler(GET, "/api/v1/claimreviews", ALL),
            // --- API: editorial work ---------------------------------------------------------------------------------
            handler(POST, "/api/v1/narratives", EDITORS),
            handler(GET, "/api/v1/narratives/{slug}/draft", EDITORS),
            handler(PUT, "/api/v1/narratives/{slug}", EDITORS),
            handler(POST, "/api/v1/narratives/{slug}/submit", EDITORS),
            handler(POST, "/api/v1/narratives/{slug}/publish", FINAL_EDITORS),
            handler(POST, "/api/v1/narratives/{slug}/reject", FINAL_EDITORS),
            handler(POST, "/api/v1/narratives/{slug}/archive", FINAL_EDITORS),
            handler(GET, "/api/v1/narratives/{slug}/revisions", EDITORS),
            handler(GET, "/api/v1/narratives/{slug}/revisions/{version:\\d+}", EDITORS),
            handler(GET, "/api/v1/narratives/{slug}/revisions/diff", EDITORS),
            handler(POST, "/api/v1/narratives/{slug}/revisions/{version:\\d+}/restore", EDITORS),
            // --- API: contact signals (from the connector), feedback and a resident's earlier contacts ----------------
            handler(POST, "/api/v1/signals", CONNECTORS),
            handler(POST, "/api/v1/feedback", AGENTS),
            handler(GET, "/api/v1/residents/{residentHash}/history", AGENTS),
            // A resident's erasure request: forwarded by the CRM's connector, or handled by a beheerder.
            handler(DELETE, "/api/v1/residents/{residentHash}", CONNECTORS_AND_ADMINS),
            // --- API: belacties and the daily report (the sidebar reads the active ones) ---------------------------
            handler(GET, "/api/v1/campaigns/active", SIDEBAR_AND_ANALYSTS),
            handler(GET, "/api/v1/campaigns", ANALYSTS),
            handler(GET, "/api/v1/campaigns/{id}", ANALYSTS),
            handler(POST, "/api/v1/campaigns/{id}/confirm", ANALYSTS),
            handler(POST, "/api/v1/campaigns/{id}/close", ANALYSTS),
            handler(GET, "/api/v1/reports/daily/{file}", ANALYSTS),
            // --- API: administration and export ----------------------------------------------------------------------
            handler(POST, "/api/v1/content/export", ADMINS),
            handler(GET, "/api/v1/content/export.zip", ADMINS),
            handler(GET, "/api/v1/audit", ADMINS),
            // --- API: public documents -------------------------------------------------------------------------------
            handler(GET, "/api/v1/openapi.json", EVERYONE),
            handler(GET, "/api/v1/openapi.json.yaml", EVERYONE),
            // The JSON-LD context of the ClaimReview export: JSON-LD processors fetch it without credentials.
            handler(GET, "/api/v1/jsonld/duiding.jsonld", EVERYONE),
            // --- Operations ------------------------------------------------------------------------------------------
            handler(GET, "/actuator/health", EVERYONE),
            handler(GET, "/actuator/health/**", EVERYONE),
            handler(GET, "/actuator/info", EVERYONE),
            handler(GET, "/actuator", ALL),
            // Spring Boot's error page: errors of every other endpoint are rendered through it.
            handler(null, "/error", EVERYONE),
            // --- Editor pages (form login) ---------------------------------------------------------------------------
            handler(GET, "/redactie/inloggen", EVERYONE),
            handler(null, "/redactie/geen-toegang", EVERYONE),
            staticResources("/redactie/assets/**", EVERYONE),
            handler(GET, "/", ALL),
            handler(GET, "/redactie", EDITORS),
            handler(GET, "/redactie/nieuw", EDITORS),
            handler(POST, "/redactie/nieuw", EDITORS),
            handler(GET, "/redactie/verhalen/{slug}", EDITORS),
            handler(POST, "/redactie/verhalen/{slug}", EDITORS),
            handler(POST, "/redactie/verhalen/{slug}/indienen", EDITORS),
            handler(POST, "/redactie/verhalen/{slug}/publiceren", FINAL_EDITORS),
            handler(POST, "/redactie/verhalen/{slug}/terugsturen", FINAL_EDITORS),
            handler(POST, "/redactie/verhalen/{slug}/archiveren", FINAL_EDITORS),
            handler(GET, "/redactie/verhalen/{slug}/geschiedenis", EDITORS),
            handler(POST, "/redactie/verhalen/{slug}/geschiedenis/{version}/terugzetten", EDITORS),
            handler(POST, "/redactie/voorbeeld", EDITORS),
            handler(GET, "/redactie/herkenning", EDITORS),
            handler(POST, "/redactie/herkenning", EDITORS),
            handler(GET, "/redactie/review", EDITORS),
            handler(GET, "/redactie/gebruik", EDITORS),
            handler(GET, "/redactie/uitwisseling", EDITORS_AND_ADMINS),
            handler(GET, "/redactie/uitwisseling/claimreview.jsonld", EDITORS_AND_ADMINS),
            handler(POST, "/redactie/uitwisseling/content/import", ADMINS),
            handler(GET, "/redactie/uitwisseling/content/export.zip", ADMINS));

    private AccessMatrix() {
    }

    public static List<Rule> rules() {
        return RULES;
    }

    /** The row that decides a request, the first whose method and pattern match; empty for unknown addresses. */
    public static Optional<Rule> ruleFor(HttpServletRequest request) {
        return RULES.stream().filter(rule -> rule.matcher().matches(request)).findFirst();
    }

    /** Puts every row into a filter chain's authorisation, in table order. */
    static void apply(
            AuthorizeHttpRequestsConfigurer<org.springframework.security.config.annotation.web.builders.HttpSecurity>
                    .AuthorizationManagerRequestMatcherRegistry auth) {
        for (Rule rule : RULES) {
            var matched = auth.requestMatchers(rule.matcher());
            if (rule.who().everyone()) {
                matched.permitAll();
            } else {
                matched.hasAnyRole(rule.who().roles().stream().map(Role::roleName).toArray(String[]::new));
            }
        }
    }

    private static Rule handler(HttpMethod method, String pattern, Who who) {
        return new Rule(method, pattern, who, false);
    }

    private static Rule staticResources(String pattern, Who who) {
        return new Rule(null, pattern, who, true);
    }

    /**
     * One row.
     *
     * @param method          null for every method
     * @param pattern         the handler mapping's path pattern, character for character
     * @param staticResources true for files served from the class path, which have no handler mapping
     */
    public record Rule(HttpMethod method, String pattern, Who who, boolean staticResources) {

        public RequestMatcher matcher() {
            return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
        }

        public boolean allows(Set<Role> roles) {
            return who.everyone() || roles.stream().anyMatch(who.roles()::contains);
        }

        @Override
        public String toString() {
            return (method == null ? "*" : method.name()) + " " + pattern + " → " + who;
        }
    }

    /** Everyone (no login), or the holders of any of these roles. */
    public record Who(boolean everyone, Set<Role> roles) {

        static final Who EVERYONE = new Who(true, Set.of());

        public Who {
            roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        }

        static Who roles(Role... roles) {
            return new Who(false, EnumSet.copyOf(Arrays.asList(roles)));
        }

        @Override
        public String toString() {
            return everyone ? "iedereen"
                    : Arrays.stream(Role.values()).filter(roles::contains).map(Role::code)
                            .collect(Collectors.joining(", "));
        }
    }
}
