package nl.duiding.kb.narrative;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.duiding.kb.security.Actor;
import nl.duiding.kb.security.CurrentUser;
import nl.duiding.kb.web.IfMatchRequired;
import nl.duiding.kb.web.InvalidParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The editors' side: working copies, changes with optimistic concurrency (ETag / If-Match), the workflow
 * transitions and the history. Editors change only their own tenant's narratives.
 */
@RestController
@RequestMapping(path = "/api/v1/narratives", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Redactie", description = "Werkversies bewerken, de workflow concept → review → gepubliceerd → "
        + "gearchiveerd (vier ogen bij publiceren) en de geschiedenis. Elke wijziging vraagt If-Match met de ETag "
        + "van de versie die u wijzigt. Tekstvelden zijn platte tekst: HTML of scripts worden als tekst opgeslagen "
        + "en moeten overal ge-escaped worden getoond.")
class NarrativeEditorController {

    private final NarrativeWorkflow workflow;
    private final CurrentUser currentUser;

    NarrativeEditorController(NarrativeWorkflow workflow, CurrentUser currentUser) {
        this.workflow = workflow;
        this.currentUser = currentUser;
    }

    /** A revision in the list: what changed, without the full snapshot (GET …/revisions/{version} has that). */
    record RevisionSummary(int version, NarrativeStatus status, WorkflowAction action, String actor, Instant at,
            List<FieldChange> changes) {

        static RevisionSummary of(Revision r) {
            return new RevisionSummary(r.version(), r.status(), r.action(), r.actor(), r.at(), r.changes());
        }
    }

    record Diff(int from, int to, List<FieldChange> changes) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Nieuw verhaal (concept)")
    ResponseEntity<NarrativeRecord> create(@RequestBody Narrative narrative) {
        Actor actor = currentUser.get();
        requireOwnTenant(actor, narrative.tenant());
        if (narrative.slug() == null) {
            throw new InvalidParameter("slug", "Een nieuw verhaal heeft een slug nodig.");
        }
        NarrativeWorkflow.Saved saved = workflow.create(narrative, actor.name());
        return ResponseEntity.created(URI.create("/api/v1/narratives/" + narrative.slug() + "/draft"))
                .eTag(saved.tag().headerValue()).body(saved.record());
    }

    @GetMapping("/{slug}/draft")
    @Operation(summary = "De werkversie, met ETag")
    ResponseEntity<NarrativeRecord> draft(@PathVariable String slug, @RequestParam(required = false) String tenant) {
        NarrativeWorkflow.Saved saved = workflow.workingCopy(readableKey(slug, tenant));
        return ResponseEntity.ok().eTag(saved.tag().headerValue()).body(saved.record());
    }

    @PutMapping(path = "/{slug}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Werkversie wijzigen (wordt concept)", description = "Vereist If-Match.")
    ResponseEntity<NarrativeRecord> update(@PathVariable String slug,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody Narrative narrative) {
        Actor actor = currentUser.get();
        Slug path = Slugs.fromPath(slug);
        Narrative body = narrative.slug() == null ? narrative.withSlug(path) : narrative;
        if (!body.slug().equals(path)) {
            throw new InvalidParameter("slug", "De slug in de inhoud ('" + body.slug() + "') wijkt af van die in het "
                    + "adres ('" + path + "'). Een slug is blijvend en kan niet worden gewijzigd.");
        }
        requireOwnTenant(actor, body.tenant());
        NarrativeKey key = new NarrativeKey(actor.tenant(), path);
        EntityTag expected = expected(ifMatch, key);
        return saved(workflow.update(key, body, expected, actor.name()));
    }

    @PostMapping("/{slug}/submit")
    @Operation(summary = "Ter review aanbieden", description = "concept → review. Vereist If-Match.")
    ResponseEntity<NarrativeRecord> submit(@PathVariable String slug,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return transition(slug, ifMatch, WorkflowAction.SUBMIT);
    }

    @PostMapping("/{slug}/publish")
    @Operation(summary = "Publiceren (eindredacteur, vier ogen)",
            description = "review → gepubliceerd; niet door wie het verhaal als laatste wijzigde. Vereist If-Match.")
    ResponseEntity<NarrativeRecord> publish(@PathVariable String slug,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return transition(slug, ifMatch, WorkflowAction.PUBLISH);
    }

    @PostMapping("/{slug}/reject")
    @Operation(summary = "Terug naar concept (eindredacteur)", description = "review → concept. Vereist If-Match.")
    ResponseEntity<NarrativeRecord> reject(@PathVariable String slug,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return transition(slug, ifMatch, WorkflowAction.REJECT);
    }

    @PostMapping("/{slug}/archive")
    @Operation(summary = "Archiveren (eindredacteur)",
            description = "Haalt een gepubliceerd verhaal weg bij de medewerkers. Vereist If-Match.")
    ResponseEntity<NarrativeRecord> archive(@PathVariable String slug,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return transition(slug, ifMatch, WorkflowAction.ARCHIVE);
    }

    @GetMapping("/{slug}/revisions")
    @Operation(summary = "De geschiedenis, nieuwste eerst, met per versie de gewijzigde velden")
    List<RevisionSummary> revisions(@PathVariable String slug, @RequestParam(required = false) String tenant) {
        return workflow.revisions(readableKey(slug, tenant)).stream().map(RevisionSummary::of).toList();
    }

    @GetMapping("/{slug}/revisions/{version:\\d+}")
    @Operation(summary = "Eén versie, met de volledige inhoud")
    Revision revision(@PathVariable String slug, @PathVariable String version,
            @RequestParam(required = false) String tenant) {
        return workflow.revision(readableKey(slug, tenant), versionNumber("version", version));
    }

    @GetMapping("/{slug}/revisions/diff")
    @Operation(summary = "Verschil per veld tussen twee versies")
    Diff diff(@PathVariable String slug, @RequestParam String from, @RequestParam String to,
            @RequestParam(required = false) String tenant) {
        NarrativeKey key = readableKey(slug, tenant);
        int a = versionNumber("from", from);
        int b = versionNumber("to", to);
        return new Diff(a, b, NarrativeDiff.between(workflow.revision(key, a).snapshot(),
                workflow.revision(key, b).snapshot()));
    }

    @PostMapping("/{slug}/revisions/{version:\\d+}/restore")
    @Operation(summary = "Een eerdere versie terugzetten als nieuw concept", description = "Vereist If-Match.")
    ResponseEntity<NarrativeRecord> restore(@PathVariable String slug, @PathVariable String version,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Actor actor = currentUser.get();
        NarrativeKey key = new NarrativeKey(actor.tenant(), Slugs.fromPath(slug));
        EntityTag expected = expected(ifMatch, key);
        return saved(workflow.restore(key, versionNumber("version", version), expected, actor.name()));
    }

    private ResponseEntity<NarrativeRecord> transition(String slug, String ifMatch, WorkflowAction action) {
        Actor actor = currentUser.get();
        NarrativeKey key = new NarrativeKey(actor.tenant(), Slugs.fromPath(slug));
        EntityTag expected = expected(ifMatch, key);
        return saved(workflow.transition(key, action, expected, actor.name()));
    }

    private static ResponseEntity<NarrativeRecord> saved(NarrativeWorkflow.Saved saved) {
        return ResponseEntity.ok().eTag(saved.tag().headerValue()).body(saved.record());
    }

    private static EntityTag expected(String ifMatch, NarrativeKey key) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new IfMatchRequired();
        }
        // A tag we never issued can only be stale.
        return EntityTag.parse(ifMatch).orElseThrow(() -> new StaleEntityTag(key));
    }

    /** Editors read their own tenant's working copies and the national ones; another tenant's do not exist for them. */
    private NarrativeKey readableKey(String slug, String tenant) {
        Actor actor = currentUser.get();
        Slug path = Slugs.fromPath(slug);
        if (tenant == null || tenant.isBlank()) {
            return new NarrativeKey(actor.tenant(), path);
        }
        TenantCode wanted;
        try {
            wanted = new TenantCode(tenant);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter("tenant", "'" + tenant + "' is geen organisatie: gebruik nationaal of GM "
                    + "gevolgd door vier cijfers.");
        }
        if (!wanted.isNational() && !wanted.equals(actor.tenant())) {
            throw new NarrativeNotFound(path);
        }
        return new NarrativeKey(wanted, path);
    }

    private static void requireOwnTenant(Actor actor, TenantCode tenant) {
        if (!actor.tenant().equals(tenant)) {
            throw new ForeignTenant(actor.tenant(), tenant);
        }
    }

    private static int versionNumber(String name, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidParameter(name, "De parameter '" + name + "' moet een versienummer (1 of hoger) zijn.");
    }
}
