package nl.duiding.kb.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import nl.duiding.kb.content.ContentProperties;
import nl.duiding.kb.support.IsolatedIndices;
import nl.duiding.kb.support.TestIndices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Runs against the real Elasticsearch node that scripts/test.sh starts, with es-analysis-nl installed. */
@SpringBootTest
class IndexBootstrapperIT {

    @RegisterExtension
    static final IsolatedIndices INDICES = new IsolatedIndices();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        INDICES.register(registry);
        registry.add("duiding.content.dir", () -> "../content");
        registry.add("duiding.content.import-on-start", () -> "false");
    }

    @Autowired
    ElasticsearchClient client;
    @Autowired
    IndexBootstrapper bootstrapper;
    @Autowired
    IndexNames names;
    @Autowired
    IndexTemplateRenderer renderer;
    @Autowired
    IndexMigrator migrator;

    @Autowired
    List<ManagedIndex> indices;

    @TempDir
    Path otherContent;

    /** Each test starts from what a fresh start creates (the previous test's indices are gone). */
    @BeforeEach
    void start() throws Exception {
        bootstrapper.afterPropertiesSet();
    }

    @AfterEach
    void deleteTestIndices() {
    }

    @Test
    void createsVersionedIndexBehindAliasAndSecondStartChangesNothing() throws Exception {
        Set<String> first = aliasTargets();
        assertThat(first).singleElement().asString().startsWith(INDICES.prefix() + "-narratives-v" + narratives().version() + "-");

        bootstrapper.afterPropertiesSet();

        assertThat(aliasTargets()).isEqualTo(first);
        assertThat(client.indices().get(g -> g.index(INDICES.prefix() + "-narratives-*")).indices()).hasSize(1);
    }

    @Test
    void changedLexiconBuildsNewIndexCopiesDocumentsAndMovesAlias() throws Exception {
        String alias = names.alias("narratives");
        client.index(i -> i.index(alias).id("nationaal:test").document(Map.of("slug", "test", "triggers", "azc komt"))
                .refresh(Refresh.True));
        String before = aliasTargets().iterator().next();

        Files.createDirectories(otherContent.resolve("analysis"));
        Files.writeString(otherContent.resolve("analysis/synonyms.txt"), "azc, asielzoekerscentrum\n");
        var properties = new IndexProperties(INDICES.prefix(), "0-1", Duration.ofSeconds(10));
        var restartWithOtherLexicon = new IndexBootstrapper(client, List.of(narratives()), names,
                renderer, migrator, properties, new ContentProperties(otherContent, false, otherContent.resolve("export")));
        restartWithOtherLexicon.afterPropertiesSet();

        String after = aliasTargets().iterator().next();
        assertThat(after).isNotEqualTo(before).startsWith(INDICES.prefix() + "-narratives-v" + narratives().version() + "-");
        assertThat(client.count(c -> c.index(alias)).count()).isEqualTo(1);
    }

    private ManagedIndex narratives() {
        return indices.stream().filter(i -> i.name().equals("narratives")).findFirst().orElseThrow();
    }

    private Set<String> aliasTargets() throws IOException {
        return client.indices().getAlias(g -> g.name(names.alias("narratives"))).aliases().keySet();
    }
}
