package nl.duiding.kb.index;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import nl.duiding.kb.content.AnalysisLexicon;
import nl.duiding.kb.content.ContentProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Creates kb-service's index templates and indices on start, idempotently: a second start changes nothing, and a
 * changed definition builds a new concrete index, copies the documents and moves the alias in one atomic step.
 * Start-up fails (rather than serving half-made indices) when Elasticsearch does not answer in time.
 */
@Component
class IndexBootstrapper implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(IndexBootstrapper.class);

    private final ElasticsearchClient client;
    private final List<ManagedIndex> indices;
    private final IndexNames names;
    private final IndexTemplateRenderer renderer;
    private final IndexMigrator migrator;
    private final IndexProperties properties;
    private final ContentProperties content;

    IndexBootstrapper(ElasticsearchClient client, List<ManagedIndex> indices, IndexNames names,
            IndexTemplateRenderer renderer, IndexMigrator migrator, IndexProperties properties,
            ContentProperties content) {
        this.client = client;
        this.indices = indices;
        this.names = names;
        this.renderer = renderer;
        this.migrator = migrator;
        this.properties = properties;
        this.content = content;
    }

    @Override
    public void afterPropertiesSet() throws IOException, InterruptedException {
        awaitCluster();
        AnalysisLexicon lexicon = AnalysisLexicon.load(content.analysisDir());
        for (ManagedIndex index : indices) {
            ensure(index, lexicon);
        }
    }

    private void awaitCluster() throws InterruptedException {
        Instant deadline = Instant.now().plus(properties.startupTimeout());
        while (true) {
            try {
                var health = client.cluster().health(h -> h.timeout(t -> t.time("5s")));
                log.info("Elasticsearch cluster {} is {} with {} node(s)", health.clusterName(), health.status(),
                        health.numberOfNodes());
                return;
            } catch (IOException | ElasticsearchException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Elasticsearch did not answer within "
                            + properties.startupTimeout() + "; is it running? (scripts/elasticsearch.sh status)", e);
                }
                log.info("Waiting for Elasticsearch: {}", e.getMessage());
                Thread.sleep(Duration.ofSeconds(2));
            }
        }
    }

    private void ensure(ManagedIndex index, AnalysisLexicon lexicon) throws IOException {
        String alias = names.alias(index.name());
        String pattern = index.timeBased() ? alias + "-v" + index.version() + "-*" : names.concretePattern(index);
        var rendered = renderer.render(index, lexicon, List.of(pattern), alias);
        client.indices().putIndexTemplate(t -> t.withJson(new StringReader(rendered.body()))
                .name(names.template(index.name())));
        if (index.timeBased()) {
            log.info("Index template {} ready for time-based indices {}", names.template(index.name()), pattern);
            return;
        }

        String concrete = names.concrete(index, rendered.hash());
        createIfMissing(concrete);
        Set<String> current = aliasTargets(alias);
        if (current.equals(Set.of(concrete))) {
            log.info("Index {} is current behind alias {}", concrete, alias);
            return;
        }
        for (String previous : current) {
            long copied = migrator.copy(previous, concrete);
            log.info("Copied {} document(s) from {} into {}", copied, previous, concrete);
        }
        client.indices().updateAliases(u -> {
            current.forEach(previous -> u.actions(a -> a.remove(r -> r.index(previous).alias(alias))));
            return u.actions(a -> a.add(add -> add.index(concrete).alias(alias).isWriteIndex(true)));
        });
        log.info("Alias {} now points to {} (was {})", alias, concrete, current.isEmpty() ? "nothing" : current);
    }

    private void createIfMissing(String concrete) throws IOException {
        if (client.indices().exists(e -> e.index(concrete)).value()) {
            return;
        }
        try {
            client.indices().create(c -> c.index(concrete).waitForActiveShards(w -> w.count(1)));
            log.info("Created index {}", concrete);
        } catch (ElasticsearchException e) {
            // Another kb-service instance may have created it a moment ago.
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }

    private Set<String> aliasTargets(String alias) {
        try {
            if (!client.indices().existsAlias(e -> e.name(alias)).value()) {
                return Set.of();
            }
            return client.indices().getAlias(g -> g.name(alias)).aliases().keySet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
