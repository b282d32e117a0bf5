package nl.duiding.connector.cache;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param file    where the published narratives are kept between restarts (so a connector that starts while
 *                kb-service is down still has scripts)
 * @param refresh time between refreshes from kb-service
 */
@ConfigurationProperties("duiding.cache")
public record CacheProperties(@DefaultValue(".runtime/connector/published-narratives.json") Path file,
        @DefaultValue("5m") Duration refresh) {
}
