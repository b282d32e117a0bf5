package nl.duiding.kb.security;

import static nl.duiding.kb.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import nl.duiding.kb.support.IsolatedIndices;
import nl.duiding.kb.support.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * The access matrix is complete and enforced. Every handler mapping of the running application (controllers,
 * actuator, OpenAPI, the error endpoint) must have its row in {@link AccessMatrix}; a new endpoint without one fails
 * here. Then every row is tried with a real request through the security filters, as every role and as nobody: a
 * role the row allows gets past the filters, any other role gets 403, nobody gets 401 (API) or the login page.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

    @RegisterExtension
    static final IsolatedIndices INDICES = new IsolatedIndices();
    private static final Path EXPORT_DIR = temporaryDirectory("duiding-matrix-export");
    private static final Path CONTENT_DIR = temporaryDirectory("duiding-matrix-content");

    private static final Map<Role, String> USERS = new EnumMap<>(Map.of(
            Role.KCC_MEDEWERKER, TestUsers.KCC, Role.REDACTEUR, TestUsers.REDACTEUR,
            Role.EINDREDACTEUR, TestUsers.EINDREDACTEUR, Role.ANALIST, TestUsers.ANALIST,
            Role.BEHEERDER, TestUsers.BEHEERDER, Role.CONNECTOR, TestUsers.CONNECTOR));

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        INDICES.registerWithTestUsers(registry);
        registry.add("duiding.content.import-on-start", () -> "false");
        registry.add("duiding.content.dir", CONTENT_DIR::toString);
        registry.add("duiding.content.export-dir", EXPORT_DIR::toString);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;

    private final Map<Role, MockHttpSession> pageSessions = new EnumMap<>(Role.class);

    @BeforeAll
    void logInToThePages() throws Exception {
        for (Map.Entry<Role, String> user : USERS.entrySet()) {
            MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/redactie/inloggen")
                    .user(user.getValue()).password(TestUsers.PASSWORD)).andReturn().getRequest().getSession(false);
            assertThat(session).as("form login of %s", user.getValue()).isNotNull();
            pageSessions.put(user.getKey(), session);
        }
    }

    @Test
    void everyEndpointOfTheApplicationHasARuleAndEveryRuleAnEndpoint() {
        Set<String> endpoints = new TreeSet<>();
        Set<String> missing = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        endpoints.add("* " + pattern);
                        if (AccessMatrix.rules().stream().noneMatch(r -> r.pattern().equals(pattern)
                                && r.method() == null)) {
                            missing.add("* " + pattern + " (every method)");
                        }
                    }
                    for (RequestMethod method : methods) {
                        endpoints.add(method + " " + pattern);
                        if (AccessMatrix.rules().stream().noneMatch(r -> r.pattern().equals(pattern)
                                && (r.method() == null || r.method().name().equals(method.name())))) {
                            missing.add(method + " " + pattern);
                        }
                    }
                }
            }
        }
        assertThat(missing).as("Endpoints without a row in AccessMatrix; add one saying which roles may call "
                + "them (all endpoints: %s)", endpoints).isEmpty();

        List<String> orphans = AccessMatrix.rules().stream().filter(r -> !r.staticResources())
                .filter(r -> endpoints.stream().noneMatch(e -> e.endsWith(" " + r.pattern())
                        && (r.method() == null || e.startsWith(r.method().name() + " ") || e.startsWith("* "))))
                .map(AccessMatrix.Rule::toString).toList();
        assertThat(orphans).as("Rows in AccessMatrix for endpoints that do not exist (a renamed path?)").isEmpty();
    }

    @Test
    void everyRoleGetsWhatItsRowSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (AccessMatrix.Rule rule : AccessMatrix.rules()) {
            for (Role role : Role.values()) {
                MockHttpServletResponse response = perform(rule, role);
                boolean refused = refused(rule, response);
                if (rule.allows(Set.of(role)) == refused) {
                    wrong.add(rule + ": " + role.code() + " got " + response.getStatus()
                            + (rule.allows(Set.of(role)) ? " (should be let through)" : " (should be refused)"));
                }
            }
            MockHttpServletResponse anonymous = perform(rule, null);
            boolean loginAsked = isPage(rule)
                    ? anonymous.getStatus() == 302 && String.valueOf(anonymous.getRedirectedUrl()).contains("/redactie/inloggen")
                    : anonymous.getStatus() == 401;
            if (rule.who().everyone() == loginAsked || (rule.who().everyone() && refused(rule, anonymous))) {
                wrong.add(rule + ": nobody (not logged in) got " + anonymous.getStatus());
            }
        }
        assertThat(wrong).as("Answers that differ from AccessMatrix").isEmpty();
    }

    @Test
    void addressesWithoutARowAreClosedToAnonymousCallers() throws Exception {
        assertThat(mvc.perform(request(HttpMethod.GET, "/api/v1/bestaat-niet")).andReturn().getResponse().getStatus())
                .isEqualTo(401);
        assertThat(mvc.perform(request(HttpMethod.GET, "/redactie/bestaat-niet").session(pageSessions.get(Role.REDACTEUR)))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    private MockHttpServletResponse perform(AccessMatrix.Rule rule, Role role) throws Exception {
        HttpMethod method = rule.method() == null ? HttpMethod.GET : rule.method();
        String path = rule.pattern().replaceAll("\\{version[^}]*}", "1").replaceAll("\\{group}", "duiding")
                .replace("{slug}", "matrix-proef").replace("/**", "/ping")
                .replaceAll("\\{[A-Za-z]+}", "proef");
        MockHttpServletRequestBuilder request = request(method, path);
        if (method == HttpMethod.POST || method == HttpMethod.PUT) {
            request.with(csrf());
            if (!isPage(rule)) {
                request.contentType(MediaType.APPLICATION_JSON).content("{}");
            }
        }
        if (role != null) {
            if (isPage(rule)) {
                request.session(pageSessions.get(role));
            } else {
                request.with(as(USERS.get(role)));
            }
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    /** Refused by the access rules, as opposed to answered by the endpoint (which may say 404, 400 or 428). */
    private static boolean refused(AccessMatrix.Rule rule, MockHttpServletResponse response) throws Exception {
        if (isPage(rule)) {
            return "/redactie/geen-toegang".equals(response.getForwardedUrl())
                    || String.valueOf(response.getRedirectedUrl()).contains("/redactie/inloggen");
        }
        return response.getStatus() == 401 || (response.getStatus() == 403
                && response.getContentAsString().contains("/problemen/geen-toegang"));
    }

    private static boolean isPage(AccessMatrix.Rule rule) {
        return rule.pattern().equals("/") || rule.pattern().startsWith("/redactie");
    }

    private static Path temporaryDirectory(String name) {
        try {
            Path dir = Files.createTempDirectory(name);
            Files.createDirectories(dir.resolve("narratives"));
            dir.toFile().deleteOnExit();
            return dir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
