package nl.duiding.kb.index;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How kb-service lays out its indices.
 *
 * @param prefix             first part of every index, alias and template name
 * @param autoExpandReplicas {@code index.auto_expand_replicas}: "0-1" gives a single node green indices and a
 *                           cluster one replica of every shard
 * @param startupTimeout     how long start-up waits for Elasticsearch before giving up
 */
@ConfigurationProperties("duiding.index")
public record IndexProperties(
        @DefaultValue("duiding") String prefix,
        @DefaultValue("0-1") String autoExpandReplicas,
        @DefaultValue("60s") Duration startupTimeout) {
}
