package nl.duiding.kb.narrative;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.duiding.kb.security.Actor;
import nl.duiding.kb.security.CurrentUser;
import nl.duiding.kb.web.InvalidParameter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reading narratives: the published one by slug, and search with filters, facets and highlights. */
@RestController
@RequestMapping(path = "/api/v1/narratives", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Verhalen", description = "Gepubliceerde verhalen lezen en zoeken. Alle tekst is platte tekst: toon "
        + "hem altijd ge-escaped; HTML of scripts in velden worden als tekst opgeslagen en nooit uitgevoerd.")
class PublishedNarrativeController {

    private static final int MAX_SIZE = 100;

    private final PublishedNarratives published;
    private final NarrativeSearch search;
    private final CurrentUser currentUser;

    PublishedNarrativeController(PublishedNarratives published, NarrativeSearch search, CurrentUser currentUser) {
        this.published = published;
        this.search = search;
        this.currentUser = currentUser;
    }

    @GetMapping("/{slug}")
    @Operation(summary = "Het gepubliceerde verhaal met zijn scripts",
            description = "Een gebruiker van een gemeente ziet de eigen lokale versie als die er is, anders de landelijke. "
                    + "Een landelijk account (kcc-connector) noemt met tenant de gemeente waarvoor het vraagt; een "
                    + "gebruiker van een gemeente mag alleen de eigen noemen.")
    PublishedNarrativeView get(@PathVariable String slug, @RequestParam(required = false) String tenant) {
        TenantCode viewer = currentUser.actingFor(tenant);
        Slug wanted = Slugs.fromPath(slug);
        return published.find(wanted, viewer).map(PublishedNarrativeView::of)
                .orElseThrow(() -> new NarrativeNotFound(wanted));
    }

    @GetMapping
    @Operation(summary = "Zoeken in verhalen",
            description = "Redacteuren zoeken in de werkversies, alle anderen in wat gepubliceerd is. Iedereen ziet "
                    + "alleen de verhalen van de eigen organisatie en de landelijke; tenant filtert daarbinnen. Een "
                    + "landelijk account dat geen redacteur is (kcc-connector) ziet met tenant=<gemeentecode> de "
                    + "gepubliceerde lokale verhalen van die gemeente. Markeringen (highlights) zijn HTML-ge-escaped, "
                    + "met <mark> rond de treffers.")
    NarrativeSearch.Result search(@RequestParam(required = false) String q,
            @RequestParam(required = false) String category, @RequestParam(required = false) String status,
            @RequestParam(required = false) String tenant, @RequestParam(required = false) String risk,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        Actor actor = currentUser.get();
        if (q != null && q.length() > 500) {
            throw new InvalidParameter("q", "De zoektekst mag maximaal 500 tekens lang zijn.");
        }
        var criteria = new NarrativeSearch.Criteria(q,
                code("category", category, Category::fromCode),
                code("status", status, NarrativeStatus::fromCode),
                code("tenant", tenant, TenantCode::new),
                code("risk", risk, Risk::fromCode),
                number("page", page, 1, 1, 1000), number("size", size, 20, 1, MAX_SIZE));
        TenantCode viewer = actor.tenant();
        if (actor.tenant().isNational() && !actor.isEditor() && criteria.tenant() != null
                && !criteria.tenant().isNational()) {
            // What that municipality's agents see (kcc-connector fills its cache per municipality this way); working
            // copies stay with their own organisation, so editors keep filtering within national content.
            viewer = criteria.tenant();
        }
        return search.search(criteria, viewer, actor.isEditor());
    }

    private static <T> T code(String name, String value, java.util.function.Function<String, T> parse) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter(name, "De waarde '" + value + "' is geen geldige " + name + ".");
        }
    }

    private static int number(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidParameter(name, "De parameter '" + name + "' moet een geheel getal van " + min + " tot en met "
                + max + " zijn.");
    }
}
