package nl.duiding.kb.editor;

import static nl.duiding.kb.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.duiding.kb.narrative.NarrativeKey;
import nl.duiding.kb.narrative.NarrativeStatus;
import nl.duiding.kb.narrative.NarrativeWorkflow;
import nl.duiding.kb.narrative.Slug;
import nl.duiding.kb.narrative.TenantCode;
import nl.duiding.kb.narrative.WorkflowAction;
import nl.duiding.kb.support.IsolatedIndices;
import nl.duiding.kb.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The editor's pages through MockMvc against the real test node, with the repository's content imported: access
 * rules beside the unchanged API, the recognition test, usage from the sidebar's feedback, and import and export.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EditorPagesIT {

    @RegisterExtension
    static final IsolatedIndices INDICES = new IsolatedIndices();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        INDICES.registerWithLibrary(registry);
        registry.add("duiding.security.frame-ancestors", () -> "'self' https://intranet.gemeente.example");
        // Every test logs in as several people from one address; the login limit has its own test (RateLimitIT).
        registry.add("duiding.rate-limit.login", () -> "1000");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    NarrativeWorkflow workflow;

    @Test
    void sendsBrowsersWithoutSessionToTheLoginPageAndKeepsTheApiStateless() throws Exception {
        mvc.perform(get("/redactie")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/redactie/inloggen"));
        mvc.perform(get("/")).andExpect(status().isFound());
        mvc.perform(get("/redactie/inloggen")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Inloggen bij de redactie")))
                .andExpect(header().string("Content-Security-Policy",
                        containsString("frame-ancestors 'self' https://intranet.gemeente.example")))
                .andExpect(header().doesNotExist("X-Frame-Options"));

        mvc.perform(get("/api/v1/narratives/chemtrails")).andExpect(status().isUnauthorized())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(header().doesNotExist("Set-Cookie"));
        mvc.perform(get("/api/v1/narratives/chemtrails").with(as(TestUsers.KCC))).andExpect(status().isOk())
                .andExpect(header().doesNotExist("Set-Cookie"));
        // The API takes no session cookie: a logged-in browser gets nothing from it without credentials.
        mvc.perform(get("/api/v1/narratives/chemtrails").session(login(TestUsers.REDACTEUR)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void refusesWrongPasswordsFormsWithoutCsrfTokenAndRolesWithoutEditorialWork() throws Exception {
        mvc.perform(formLogin("/redactie/inloggen").user(TestUsers.REDACTEUR).password("fout"))
                .andExpect(redirectedUrl("/redactie/inloggen?fout"));
        MockHttpSession editor = login(TestUsers.REDACTEUR);
        mvc.perform(post("/redactie/herkenning").session(editor).param("text", "chemtrails"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/redactie/verhalen/chemtrails/publiceren").session(editor).with(csrf())
                        .param("etag", "\"1-1\""))
                .andExpect(status().isForbidden());
        mvc.perform(get("/redactie/uitwisseling/content/export.zip").session(editor))
                .andExpect(status().isForbidden());
        mvc.perform(get("/redactie").session(login(TestUsers.KCC)))
                .andExpect(forwardedUrl("/redactie/geen-toegang"));
        mvc.perform(get("/redactie/review").session(login(TestUsers.BEHEERDER)))
                .andExpect(forwardedUrl("/redactie/geen-toegang"));
    }

    @Test
    void refusesPublishingByWhoeverChangedItLastAndArchivesForAgents() throws Exception {
        NarrativeKey key = new NarrativeKey(TenantCode.NATIONAL, new Slug("5g-gezondheid"));
        NarrativeWorkflow.Saved saved = workflow.workingCopy(key);
        saved = workflow.update(key, saved.record().narrative(), saved.tag(), TestUsers.EINDREDACTEUR);
        saved = workflow.transition(key, WorkflowAction.SUBMIT, saved.tag(), TestUsers.EINDREDACTEUR);

        MockHttpSession sameEditor = login(TestUsers.EINDREDACTEUR);
        mvc.perform(get("/redactie/verhalen/5g-gezondheid").session(sameEditor))
                .andExpect(content().string(containsString("Een andere eindredacteur moet het publiceren")))
                .andExpect(content().string(not(containsString(">Publiceren</button>"))));
        mvc.perform(post("/redactie/verhalen/5g-gezondheid/publiceren").session(sameEditor).with(csrf())
                        .param("etag", saved.tag().headerValue()))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("fout", containsString("vier-ogenprincipe")));
        assertThat(workflow.workingCopy(key).record().status()).isEqualTo(NarrativeStatus.REVIEW);

        mvc.perform(post("/redactie/verhalen/5g-gezondheid/archiveren").session(login(TestUsers.EINDREDACTEUR_2))
                        .with(csrf()).param("etag", workflow.workingCopy(key).tag().headerValue()))
                .andExpect(status().isFound()).andExpect(flash().attribute("melding", containsString("gearchiveerd")));
        mvc.perform(get("/api/v1/narratives/5g-gezondheid").with(as(TestUsers.KCC))).andExpect(status().isNotFound());
    }

    @Test
    void showsWhichPhrasingOfAMissedNarrativeCoversTheTextBest() throws Exception {
        String page = mvc.perform(post("/redactie/herkenning").session(login(TestUsers.REDACTEUR)).with(csrf())
                        .param("text", "mevrouw belt: die rode stempotloden kun je toch gewoon uitgummen? dan "
                                + "kunnen ze na afloop alles veranderen")
                        .param("kanaal", "telefoon").param("verhaal", "chemtrails"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Herkende verhalen", "/redactie/verhalen/stempotlood-uitgumbaar");
        assertThat(page).contains("wordt bij deze tekst <strong>niet</strong> herkend");
        List<Integer> coverage = percentages(page.substring(page.indexOf("formuleringen-kop")));
        assertThat(coverage).isNotEmpty().isSortedAccordingTo((a, b) -> b - a);
    }

    @Test
    void showsUsageAndHielpNietFromTheSidebarsFeedbackPerMunicipality() throws Exception {
        click(TestUsers.KCC, "telefoon", "getoond", 7);
        click(TestUsers.KCC, "telefoon", "gebruikt", 4);
        click(TestUsers.KCC, "balie", "hielp", 3);
        click(TestUsers.KCC, "telefoon", "hielp-niet", 2);
        click(TestUsers.KCC_ROTTERDAM, "chat", "getoond", 5);
        Pattern telephoneRow = Pattern.compile("windturbines mensen ziek maken</a></td>\\s*<td>telefoon</td>\\s*"
                + "<td>7</td>\\s*<td>4</td>\\s*<td>3</td>\\s*<td>2</td>\\s*<td>nieuw</td>");
        Pattern chatRow = Pattern.compile("windturbines mensen ziek maken</a></td>\\s*<td>chat</td>\\s*<td>5</td>");

        String national = usagePage(TestUsers.REDACTEUR, telephoneRow, chatRow);
        assertThat(national).containsPattern(telephoneRow).containsPattern(chatRow);
        // A municipality's editor counts its own agents' clicks only.
        assertThat(usagePage(TestUsers.REDACTEUR_AMSTERDAM, telephoneRow)).containsPattern(telephoneRow)
                .doesNotContainPattern(chatRow);
        assertThat(usagePage(TestUsers.REDACTEUR_ROTTERDAM, chatRow)).containsPattern(chatRow)
                .doesNotContainPattern(telephoneRow);

        mvc.perform(get("/redactie/review").session(login(TestUsers.REDACTEUR))).andExpect(status().isOk())
                .andExpect(content().string(containsString("<td>2</td>")))
                .andExpect(content().string(containsString("40 %")));
    }

    private void click(String agent, String channel, String kind, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            mvc.perform(post("/api/v1/feedback").with(as(agent)).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"slug\": \"windturbines-ziek\", \"channel\": \"" + channel
                                    + "\", \"kind\": \"" + kind + "\"}"))
                    .andExpect(status().isAccepted());
        }
    }

    private String usagePage(String editor, Pattern... complete) throws Exception {
        MockHttpSession session = login(editor);
        // Feedback is searchable after the index's refresh, click by click; the page is read until it shows every
        // click sent (the row counted in full), not just the first ones.
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).until(
                () -> mvc.perform(get("/redactie/gebruik").session(session)).andExpect(status().isOk()).andReturn()
                        .getResponse().getContentAsString(),
                page -> Arrays.stream(complete).allMatch(row -> row.matcher(page).find()));
    }

    @Test
    void letsBeheerdersExportAndReimportTheContentFolder() throws Exception {
        MockHttpSession beheerder = login(TestUsers.BEHEERDER);
        mvc.perform(get("/redactie/uitwisseling/content/export.zip").session(beheerder))
                .andExpect(status().isOk()).andExpect(content().contentType("application/zip"))
                .andExpect(header().string("Content-Disposition", containsString("duiding-content.zip")));
        mvc.perform(post("/redactie/uitwisseling/content/import").session(beheerder).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("melding", containsString("ongewijzigd")));
        mvc.perform(get("/redactie/uitwisseling/claimreview.jsonld").session(beheerder))
                .andExpect(status().isOk()).andExpect(content().contentType("application/ld+json"))
                .andExpect(content().string(containsString("\"ClaimReview\"")));
    }

    @Test
    void servesTheJsonLdContextToAnyoneAndTheClaimReviewsToUsersOnly() throws Exception {
        mvc.perform(get("/api/v1/jsonld/duiding.jsonld")).andExpect(status().isOk())
                .andExpect(content().contentType("application/ld+json"))
                .andExpect(content().string(containsString("https://duiding.nl/ns#")));
        mvc.perform(get("/api/v1/claimreviews")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/claimreviews").with(as(TestUsers.CONNECTOR))).andExpect(status().isOk())
                .andExpect(content().string(containsString("http://localhost/api/v1/jsonld/duiding.jsonld")));
    }

    private MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/redactie/inloggen").user(user).password(TestUsers.PASSWORD))
                .andExpect(status().isFound()).andReturn().getRequest().getSession(false);
    }

    private static List<Integer> percentages(String html) {
        Matcher m = Pattern.compile("<td>(\\d+) %</td>").matcher(html);
        List<Integer> values = new java.util.ArrayList<>();
        while (m.find()) {
            values.add(Integer.parseInt(m.group(1)));
        }
        return values;
    }
}
