package nl.duiding.kb.narrative;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A narrative's content: what residents believe, how they say it and how the KCC answers. Editorial state
 * (status, version, who and when) travels beside it in {@link NarrativeRecord}.
 */
public record Narrative(
        Slug slug,
        String title,
        String summary,
        Category category,
        List<String> tags,
        Risk risk,
        TenantCode tenant,
        LocalDate validFrom,
        LocalDate validUntil,
        LocalDate reviewBy,
        List<String> triggers,
        Scripts scripts,
        String legalPosition,
        List<Citation> legalBasis,
        List<String> safetySignals,
        Playbook playbook,
        List<Source> sources,
        List<Slug> related,
        String background) {

    public Narrative {
        tags = Script.listOrEmpty(tags);
        triggers = Script.listOrEmpty(triggers);
        legalBasis = Script.listOrEmpty(legalBasis);
        safetySignals = Script.listOrEmpty(safetySignals);
        sources = Script.listOrEmpty(sources);
        related = Script.listOrEmpty(related);
        tenant = tenant == null ? TenantCode.NATIONAL : tenant;
    }

    /** The same content under another slug; API clients may leave the slug out of a body and give it in the path. */
    public Narrative withSlug(Slug other) {
        return new Narrative(other, title, summary, category, tags, risk, tenant, validFrom, validUntil, reviewBy,
                triggers, scripts, legalPosition, legalBasis, safetySignals, playbook, sources, related, background);
    }

    /** A law or article, with its official text where known. */
    public record Citation(String citation, String url) {
    }

    /** An official source; {@code placeholder} marks the municipality's own page, to be replaced locally. */
    public record Source(String title, String url, String publisher, boolean placeholder) {

        /** Most sources leave {@code placeholder} out, which means false. */
        @JsonCreator
        static Source of(@JsonProperty("title") String title, @JsonProperty("url") String url,
                @JsonProperty("publisher") String publisher, @JsonProperty("placeholder") Boolean placeholder) {
            return new Source(title, url, publisher, Boolean.TRUE.equals(placeholder));
        }
    }

    /** For belactie forms: the short standard answer that keeps the lines free, and the steps for the wave. */
    public record Playbook(String standardAnswer, List<String> steps) {

        public Playbook {
            steps = Script.listOrEmpty(steps);
        }
    }
}
