package nl.duiding.kb.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param version     sent as the {@code API-Version} header on every response (NL GOV API Design Rules)
 * @param maxBodySize larger request bodies are refused with 413 before they are read
 * @param maxBulkBodySize the same for {@code POST /api/v1/signals}, whose batches of up to 1,000 contacts are larger
 */
@ConfigurationProperties("duiding.api")
public record ApiSettings(@DefaultValue("1.0.0") String version, @DefaultValue("256KB") DataSize maxBodySize,
        @DefaultValue("16MB") DataSize maxBulkBodySize) {
}
