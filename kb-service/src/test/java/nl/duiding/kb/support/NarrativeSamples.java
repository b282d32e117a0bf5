package nl.duiding.kb.support;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import nl.duiding.kb.narrative.Category;
import nl.duiding.kb.narrative.Narrative;
import nl.duiding.kb.narrative.Risk;
import nl.duiding.kb.narrative.Script;
import nl.duiding.kb.narrative.Scripts;
import nl.duiding.kb.narrative.Slug;
import nl.duiding.kb.narrative.TenantCode;

/** Valid narratives for tests, small but within every rule of the schema (ten triggers, so they can be published). */
public final class NarrativeSamples {

    private NarrativeSamples() {
    }

    public static Narrative narrative(String slug) {
        return narrative(slug, TenantCode.NATIONAL, "Gerucht over " + slug.replace('-', ' '));
    }

    public static Narrative narrative(String slug, TenantCode tenant, String title) {
        Script script = new Script(
                "Over dit onderwerp beslist het gemeentebestuur en dat staat altijd op de website van de gemeente.",
                List.of("Verwijs naar de pagina van de gemeente."), List.of("Ga niet in discussie."),
                List.of("Waar heeft u dit gelezen?"),
                List.of(new Script.Referral("communicatie", "Als meerdere bellers hetzelfde melden.")),
                "Registreer het contact zoals gebruikelijk.");
        return new Narrative(new Slug(slug), title,
                "Inwoners vertellen elkaar dat er iets speelt rond " + slug + ", en bellen de gemeente erover.",
                Category.LOKAAL_INCIDENT, List.of("test"), Risk.MIDDEN, tenant, null, null,
                LocalDate.of(2027, 1, 1),
                IntStream.rangeClosed(1, 10).mapToObj(i -> "Beller vraagt naar " + slug + " variant " + i).toList(),
                new Scripts(script, script, script), null, List.of(), List.of(), null,
                List.of(new Narrative.Source("Pagina van de gemeente", "https://gemeente.example/pagina", "gemeente",
                        true)),
                List.of(), "## Achtergrond\n\nFeiten over " + slug + ".");
    }
}
