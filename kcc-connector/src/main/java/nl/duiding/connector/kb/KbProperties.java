package nl.duiding.connector.kb;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where kb-service lives. */
@ConfigurationProperties("duiding.kb")
public record KbProperties(@DefaultValue("http://127.0.0.1:8080") URI url) {
}
