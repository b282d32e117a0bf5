package nl.duiding.kb.security;

import static nl.duiding.kb.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import nl.duiding.kb.support.IsolatedIndices;
import nl.duiding.kb.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Per client limits on matching, suggestions, the editor's login and the public documents: over the limit the client
 * hears 429 with Retry-After, other clients are not affected, and kcc-connector (which speaks for a whole KCC) gets a
 * multiple. Small limits here so the test stays short.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RateLimitIT {

    @RegisterExtension
    static final IsolatedIndices INDICES = new IsolatedIndices();
    private static final String MATCH = "{\"text\": \"ze spuiten gif vanuit vliegtuigen\", \"channel\": \"chat\"}";
    private static final String API_KEY = "rate-" + java.util.UUID.randomUUID() + java.util.UUID.randomUUID();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        INDICES.registerWithTestUsers(registry);
        registry.add("duiding.content.import-on-start", () -> "false");
        registry.add("duiding.rate-limit.match", () -> "3");
        registry.add("duiding.rate-limit.suggest", () -> "3");
        registry.add("duiding.rate-limit.login", () -> "3");
        registry.add("duiding.rate-limit.documents", () -> "3");
        registry.add("duiding.rate-limit.connector-factor", () -> "2");
        registry.add("duiding.rate-limit.period", () -> "1h");
        registry.add("duiding.security.api-keys.keys.connector-test", () -> API_KEY);
    }

    @Autowired
    MockMvc mvc;

    @Test
    void limitsMatchingPerSignedInUserAndLeavesOthersAlone() throws Exception {
        for (int i = 0; i < 3; i++) {
            match(TestUsers.REDACTEUR).andExpect(status().isOk());
        }
        tooMany(match(TestUsers.REDACTEUR));
        // Another user of the same address still gets answers: users are counted by name.
        match(TestUsers.EINDREDACTEUR).andExpect(status().isOk());
    }

    @Test
    void givesTheConnectorAMultipleOfTheLimit() throws Exception {
        for (int i = 0; i < 6; i++) {
            match(TestUsers.CONNECTOR).andExpect(status().isOk());
        }
        tooMany(match(TestUsers.CONNECTOR));
    }

    @Test
    void countsAnApiKeyAsTheConnectorItIs() throws Exception {
        for (int i = 0; i < 6; i++) {
            mvc.perform(post("/api/v1/match").contentType(MediaType.APPLICATION_JSON).content(MATCH)
                    .header("X-Api-Key", API_KEY)).andExpect(status().isOk());
        }
        tooMany(mvc.perform(post("/api/v1/match").contentType(MediaType.APPLICATION_JSON).content(MATCH)
                .header("X-Api-Key", API_KEY)));
    }

    @Test
    void limitsSuggestions() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/v1/suggest").param("q", "gif").with(as(TestUsers.ANALIST))).andExpect(status().isOk());
        }
        tooMany(mvc.perform(get("/api/v1/suggest").param("q", "gif").with(as(TestUsers.ANALIST))));
    }

    @Test
    void limitsPasswordGuessingPerAddressEvenForTheRightPassword() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(formLogin("/redactie/inloggen").user(TestUsers.REDACTEUR).password("fout-" + i))
                    .andExpect(status().is3xxRedirection());
        }
        tooMany(mvc.perform(formLogin("/redactie/inloggen").user(TestUsers.REDACTEUR).password(TestUsers.PASSWORD)));
    }

    @Test
    void limitsThePublicDocumentsPerAddress() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/v1/jsonld/duiding.jsonld")).andExpect(status().isOk());
        }
        tooMany(mvc.perform(get("/api/v1/openapi.json")));
    }

    @Test
    void leavesOtherEndpointsUnlimited() throws Exception {
        for (int i = 0; i < 10; i++) {
            mvc.perform(get("/api/v1/narratives").with(as(TestUsers.KCC))).andExpect(status().isOk());
        }
    }

    private ResultActions match(String user) throws Exception {
        return mvc.perform(post("/api/v1/match").contentType(MediaType.APPLICATION_JSON).content(MATCH).with(as(user)));
    }

    private static void tooMany(ResultActions result) throws Exception {
        result.andExpect(status().isTooManyRequests())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.title").value("Te veel verzoeken"))
                .andExpect(jsonPath("$.type").value("https://duiding.nl/problemen/te-veel-verzoeken"));
        String retryAfter = result.andReturn().getResponse().getHeader("Retry-After");
        assertThat(retryAfter).isNotNull();
        // One hour's period, fully used: the next token comes within the hour.
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 3600L);
    }
}
