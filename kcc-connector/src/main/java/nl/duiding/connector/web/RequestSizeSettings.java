package nl.duiding.connector.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The largest request body the connector reads. The webhook takes up to 1,000 contacts at once; everything else is
 * small (a launch link, a pasted text of at most 10,000 characters, a feedback click, a notification).
 *
 * @param maxBodySize        every body except the webhook's; also Tomcat's limit for form bodies
 *                           ({@code server.tomcat.max-http-form-post-size} in application.yml)
 * @param webhookMaxBodySize {@code POST /api/v1/crm-events}
 */
@ConfigurationProperties("duiding.requests")
public record RequestSizeSettings(@DefaultValue("64KB") DataSize maxBodySize,
        @DefaultValue("2MB") DataSize webhookMaxBodySize) {
}
