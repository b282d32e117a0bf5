package nl.duiding.kb.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which sites may show kb-service's pages (the daily report, the editor) in an iframe: the CRMs the KCC works in.
 * Pages get {@code Content-Security-Policy: frame-ancestors 'self' <origins>} and no {@code X-Frame-Options}; the JSON
 * API keeps {@code X-Frame-Options: DENY}.
 *
 * @param frameAncestors origins such as {@code https://crm.gemeente.nl}; empty allows only kb-service itself
 */
@ConfigurationProperties("duiding.pages")
public record PageFraming(@DefaultValue List<String> frameAncestors) {

    public PageFraming {
        frameAncestors = List.copyOf(frameAncestors);
        for (String origin : frameAncestors) {
            if (!origin.matches("https?://[A-Za-z0-9.-]+(:\\d{1,5})?")) {
                throw new IllegalArgumentException("duiding.pages.frame-ancestors: '" + origin
                        + "' is not an origin (scheme://host[:port])");
            }
        }
    }

    /** The policy pages are served with. */
    String policy() {
        return "frame-ancestors 'self'" + (frameAncestors.isEmpty() ? "" : " " + String.join(" ", frameAncestors));
    }
}
