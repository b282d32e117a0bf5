package nl.duiding.kb.content;

import static nl.duiding.kb.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import nl.duiding.kb.narrative.NarrativeKey;
import nl.duiding.kb.narrative.NarrativeSchema;
import nl.duiding.kb.narrative.NarrativeStatus;
import nl.duiding.kb.narrative.NarrativeWorkflow.ImportOutcome;
import nl.duiding.kb.narrative.NarrativeWorkflow;
import nl.duiding.kb.narrative.Slug;
import nl.duiding.kb.narrative.TenantCode;
import nl.duiding.kb.support.IsolatedIndices;
import nl.duiding.kb.support.TestUsers;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The content import on a copy of real content files, then the export back to files. The tests build on each
 * other (first import, second import, a changed file, export), so they run in order.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContentImportIT {

    @RegisterExtension
    static final IsolatedIndices INDICES = new IsolatedIndices();
    private static final Path CONTENT = copyOfContent();
    private static final Path EXPORT = CONTENT.resolveSibling(CONTENT.getFileName() + "-export");
    private static final List<String> FILES = List.of("azc-komst-gerucht", "belactie-raadsvergadering",
            "soeverein-levend-wezen");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        INDICES.registerWithTestUsers(registry);
        registry.add("duiding.content.dir", CONTENT::toString);
        registry.add("duiding.content.export-dir", EXPORT::toString);
        // On: the first import is the one the application runs itself when it starts.
        registry.add("duiding.content.import-on-start", () -> "true");
    }

    @Autowired
    ContentImporter importer;

    @Autowired
    NarrativeWorkflow workflow;

    @Autowired
    MockMvc mvc;

    @Test
    @Order(1)
    void importsAndPublishesTheFilesOnStart() throws Exception {
        for (String slug : FILES) {
            var saved = workflow.workingCopy(key(slug));
            assertThat(saved.record().version()).isEqualTo(1);
            assertThat(saved.record().lastEditor()).isEqualTo(ContentImporter.IMPORTER);
            assertThat(saved.record().status()).isEqualTo(NarrativeStatus.GEPUBLICEERD);
        }
        mvc.perform(get("/api/v1/narratives/azc-komst-gerucht").with(as(TestUsers.KCC)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Gerucht dat er een azc komt op een bepaalde plek"))
                .andExpect(jsonPath("$.scripts.chat.coreMessage").exists())
                .andExpect(jsonPath("$.background").value(org.hamcrest.Matchers.startsWith("## Achtergrond")));
    }

    @Test
    @Order(2)
    void writesNothingWhenNoFileChanged() {
        var before = FILES.stream().map(slug -> workflow.workingCopy(key(slug)).tag()).toList();

        ContentImporter.Report report = importer.importAll();

        assertThat(report.count(ImportOutcome.UNCHANGED)).isEqualTo(FILES.size());
        assertThat(report.count(ImportOutcome.CREATED) + report.count(ImportOutcome.UPDATED)).isZero();
        assertThat(FILES.stream().map(slug -> workflow.workingCopy(key(slug)).tag()).toList()).isEqualTo(before);
        assertThat(workflow.revisions(key("azc-komst-gerucht"))).hasSize(1);
    }

    @Test
    @Order(3)
    void makesAChangedFileANewVersion() throws Exception {
        Path file = CONTENT.resolve("narratives/azc-komst-gerucht.md");
        Files.writeString(file, Files.readString(file).replace(
                "title: Gerucht dat er een azc komt op een bepaalde plek",
                "title: Gerucht dat er een azc komt op een bepaalde plek in de gemeente"));

        ContentImporter.Report report = importer.importAll();

        assertThat(report.count(ImportOutcome.UPDATED)).isEqualTo(1);
        assertThat(report.count(ImportOutcome.UNCHANGED)).isEqualTo(FILES.size() - 1);
        var saved = workflow.workingCopy(key("azc-komst-gerucht"));
        assertThat(saved.record().version()).isEqualTo(2);
        var latest = workflow.revisions(key("azc-komst-gerucht")).getFirst();
        assertThat(latest.actor()).isEqualTo(ContentImporter.IMPORTER);
        assertThat(latest.changedFields()).containsExactly("title");
        mvc.perform(get("/api/v1/narratives/azc-komst-gerucht").with(as(TestUsers.KCC)))
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.title").value("Gerucht dat er een azc komt op een bepaalde plek in de gemeente"));
    }

    @Test
    @Order(4)
    void exportsThePublishedStateAsFilesThatReadBackEqual() throws Exception {
        mvc.perform(post("/api/v1/content/export").with(as(TestUsers.REDACTEUR))).andExpect(status().isForbidden());

        mvc.perform(post("/api/v1/content/export").with(as(TestUsers.BEHEERDER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.files.length()").value(FILES.size()));

        ContentLibrary original = ContentLibrary.load(CONTENT, NarrativeSchema.load());
        ContentLibrary exported = ContentLibrary.load(EXPORT, NarrativeSchema.load());
        assertThat(exported.errors()).isEmpty();
        assertThat(exported.narratives()).hasSize(FILES.size());
        for (NarrativeFile file : original.narratives()) {
            NarrativeFile again = exported.narratives().stream()
                    .filter(f -> f.narrative().slug().equals(file.narrative().slug())).findFirst().orElseThrow();
            assertThat(again.narrative()).isEqualTo(file.narrative());
            assertThat(again.status()).isEqualTo(file.status());
            assertThat(again.author()).isEqualTo(file.author());
        }
    }

    @Test
    @Order(5)
    void offersTheSameExportAsAZip() throws Exception {
        byte[] zip = mvc.perform(get("/api/v1/content/export.zip").with(as(TestUsers.BEHEERDER)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();

        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        assertThat(names).containsExactlyInAnyOrder(FILES.stream().map(s -> "content/narratives/" + s + ".md")
                .toArray(String[]::new));
    }

    private static NarrativeKey key(String slug) {
        return new NarrativeKey(TenantCode.NATIONAL, new Slug(slug));
    }

    private static Path copyOfContent() {
        try {
            Path dir = Files.createTempDirectory("duiding-content");
            Path narratives = Files.createDirectories(dir.resolve("narratives"));
            for (String slug : List.of("azc-komst-gerucht", "belactie-raadsvergadering", "soeverein-levend-wezen")) {
                Files.copy(Path.of("..", "content", "narratives", slug + ".md"), narratives.resolve(slug + ".md"));
            }
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
