package nl.duiding.kb.editor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import nl.duiding.kb.narrative.Category;
import nl.duiding.kb.narrative.EntityTag;
import nl.duiding.kb.narrative.FieldChange;
import nl.duiding.kb.narrative.FourEyesViolation;
import nl.duiding.kb.narrative.InvalidNarrative;
import nl.duiding.kb.narrative.Narrative;
import nl.duiding.kb.narrative.NarrativeAlreadyExists;
import nl.duiding.kb.narrative.NarrativeDiff;
import nl.duiding.kb.narrative.NarrativeKey;
import nl.duiding.kb.narrative.NarrativeRecord;
import nl.duiding.kb.narrative.NarrativeStatus;
import nl.duiding.kb.narrative.NarrativeWorkflow;
import nl.duiding.kb.narrative.Risk;
import nl.duiding.kb.narrative.ScriptChannel;
import nl.duiding.kb.narrative.Slug;
import nl.duiding.kb.narrative.StaleEntityTag;
import nl.duiding.kb.narrative.WorkflowAction;
import nl.duiding.kb.narrative.WorkflowViolation;
import nl.duiding.kb.security.Actor;
import nl.duiding.kb.security.CurrentUser;
import nl.duiding.kb.security.Role;
import nl.duiding.kb.web.SafeMarkdown;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The narrative editor: every field, the live preview of the agents' card, saving with optimistic concurrency (the
 * ETag travels in a hidden field), and the workflow buttons. A save that breaks the rules or collides with someone
 * else's save comes back with everything the editor typed, the messages next to the fields, and on a collision the
 * stored version beside theirs.
 */
@Controller
class NarrativePages {

    private final NarrativeWorkflow workflow;
    private final CurrentUser currentUser;
    private final SafeMarkdown markdown;

    NarrativePages(NarrativeWorkflow workflow, CurrentUser currentUser, SafeMarkdown markdown) {
        this.workflow = workflow;
        this.currentUser = currentUser;
        this.markdown = markdown;
    }

    /** A difference between the stored version and the editor's, for the conflict panel. */
    public record Conflict(String storedBy, int storedVersion, List<Row> rows) {

        public record Row(String label, String stored, String yours) {
        }
    }

    @GetMapping("/redactie/nieuw")
    String blank(Model model) {
        Actor actor = currentUser.get();
        return editor(model, NarrativeForm.blank(actor.tenant()), null, null, true, false, null);
    }

    @PostMapping("/redactie/nieuw")
    String create(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        Actor actor = currentUser.get();
        NarrativeForm form = NarrativeForm.from(params);
        Slug slug = null;
        try {
            slug = new Slug(form.value("slug").strip());
        } catch (IllegalArgumentException e) {
            form.errors().add("slug", "Een slug bestaat uit kleine letters, cijfers en streepjes, zoals "
                    + "'5g-gezondheid'; hij blijft altijd hetzelfde.");
        }
        Narrative narrative = form.toNarrative(slug == null ? new Slug("nieuw") : slug, actor.tenant());
        if (!form.errors().isEmpty()) {
            return editor(model, form, null, null, true, false, null);
        }
        try {
            workflow.create(narrative, actor.name());
        } catch (InvalidNarrative e) {
            form.errors().addViolations(e.violations());
            return editor(model, form, null, null, true, false, null);
        } catch (NarrativeAlreadyExists e) {
            form.errors().add("slug", "Er is al een verhaal met deze slug. Kies een andere of open dat verhaal.");
            return editor(model, form, null, null, true, false, null);
        }
        redirect.addFlashAttribute("melding", "Het verhaal is aangemaakt als concept.");
        return "redirect:" + path(slug);
    }

    @GetMapping("/redactie/verhalen/{slug}")
    String edit(@PathVariable String slug, @RequestParam(required = false) String tenant, Model model) {
        Actor actor = currentUser.get();
        NarrativeKey key = Pages.readableKey(actor, slug, tenant);
        NarrativeWorkflow.Saved saved = workflow.workingCopy(key);
        return editor(model, NarrativeForm.of(saved.record().narrative()), saved.record(), saved.tag(), false,
                !key.tenant().equals(actor.tenant()), null);
    }

    @PostMapping("/redactie/verhalen/{slug}")
    String save(@PathVariable String slug, @RequestParam MultiValueMap<String, String> params, Model model,
            RedirectAttributes redirect) {
        Actor actor = currentUser.get();
        NarrativeKey key = new NarrativeKey(actor.tenant(), Pages.slug(slug));
        NarrativeForm form = NarrativeForm.from(params);
        Narrative narrative = form.toNarrative(key.slug(), key.tenant());
        EntityTag expected = EntityTag.parse(params.getFirst("etag")).orElse(null);
        NarrativeWorkflow.Saved current = workflow.workingCopy(key);
        if (!form.errors().isEmpty()) {
            return editor(model, form, current.record(), expected, false, false, null);
        }
        try {
            if (expected == null) {
                throw new StaleEntityTag(key);
            }
            workflow.update(key, narrative, expected, actor.name());
        } catch (InvalidNarrative e) {
            form.errors().addViolations(e.violations());
            return editor(model, form, current.record(), expected, false, false, null);
        } catch (StaleEntityTag e) {
            // Someone saved in between: show both, and take the newest tag so a deliberate second save goes through.
            NarrativeWorkflow.Saved now = workflow.workingCopy(key);
            return editor(model, form, now.record(), now.tag(), false, false, conflict(now.record(), narrative));
        }
        redirect.addFlashAttribute("melding", "Uw wijzigingen zijn opgeslagen. Het verhaal is nu een concept.");
        return "redirect:" + path(key.slug());
    }

    @PostMapping("/redactie/verhalen/{slug}/indienen")
    String submit(@PathVariable String slug, @RequestParam(required = false) String etag, RedirectAttributes redirect) {
        return transition(slug, etag, WorkflowAction.SUBMIT, "Het verhaal staat klaar voor review.", redirect);
    }

    @PostMapping("/redactie/verhalen/{slug}/publiceren")
    String publish(@PathVariable String slug, @RequestParam(required = false) String etag,
            RedirectAttributes redirect) {
        return transition(slug, etag, WorkflowAction.PUBLISH,
                "Het verhaal is gepubliceerd: medewerkers zien het nu in de zijbalk.", redirect);
    }

    @PostMapping("/redactie/verhalen/{slug}/terugsturen")
    String reject(@PathVariable String slug, @RequestParam(required = false) String etag,
            RedirectAttributes redirect) {
        return transition(slug, etag, WorkflowAction.REJECT, "Het verhaal is teruggestuurd en weer een concept.",
                redirect);
    }

    @PostMapping("/redactie/verhalen/{slug}/archiveren")
    String archive(@PathVariable String slug, @RequestParam(required = false) String etag,
            RedirectAttributes redirect) {
        return transition(slug, etag, WorkflowAction.ARCHIVE,
                "Het verhaal is gearchiveerd: medewerkers zien het niet meer.", redirect);
    }

    /** The cards as the agent will see them, from the form as it is now (nothing is saved or checked). */
    @PostMapping("/redactie/voorbeeld")
    String preview(@RequestParam MultiValueMap<String, String> params, Model model) {
        NarrativeForm form = NarrativeForm.from(params);
        model.addAttribute("previews", previews(form));
        model.addAttribute("background", markdown.toHtml(form.value("background")));
        return "redactie/verhaal :: previews";
    }

    /** One card per channel; the confidence shown is an example, as the sidebar gets it from each match. */
    private static List<ScriptCard> previews(NarrativeForm form) {
        return Arrays.stream(ScriptChannel.values())
                .map(c -> ScriptCard.of(form.value("title"), "hoog", c.code(), form.script(c))).toList();
    }

    private String transition(String slug, String etag, WorkflowAction action, String done,
            RedirectAttributes redirect) {
        Actor actor = currentUser.get();
        NarrativeKey key = new NarrativeKey(actor.tenant(), Pages.slug(slug));
        try {
            EntityTag expected = EntityTag.parse(etag).orElseThrow(() -> new StaleEntityTag(key));
            workflow.transition(key, action, expected, actor.name());
            redirect.addFlashAttribute("melding", done);
        } catch (StaleEntityTag e) {
            redirect.addFlashAttribute("fout", "Iemand anders heeft het verhaal intussen gewijzigd. Bekijk de nieuwste "
                    + "versie hieronder en probeer het opnieuw.");
        } catch (FourEyesViolation e) {
            redirect.addFlashAttribute("fout", "U heeft dit verhaal zelf als laatste gewijzigd. Een andere "
                    + "eindredacteur moet het publiceren (vier-ogenprincipe).");
        } catch (WorkflowViolation e) {
            redirect.addFlashAttribute("fout", "Dat kan niet vanuit de status '" + e.status().code() + "'.");
        } catch (InvalidNarrative e) {
            List<String> messages = new ArrayList<>();
            e.violations().forEach(v -> messages.add(FieldLabels.of(v.path().replaceFirst("^\\$\\.?", ""))
                    + ": " + v.message().replaceFirst("^\\$[^:]*:\\s*", "")));
            redirect.addFlashAttribute("fout", "Publiceren kan nog niet: het verhaal voldoet niet aan de regels "
                    + "voor gepubliceerde verhalen.");
            redirect.addFlashAttribute("foutDetails", messages);
        }
        return "redirect:" + path(key.slug());
    }

    private String editor(Model model, NarrativeForm form, NarrativeRecord record, EntityTag tag, boolean isNew,
            boolean readOnly, Conflict conflict) {
        Actor actor = currentUser.get();
        model.addAttribute("form", form);
        model.addAttribute("record", record);
        model.addAttribute("etag", tag == null ? "" : tag.headerValue());
        model.addAttribute("isNew", isNew);
        model.addAttribute("readOnly", readOnly);
        model.addAttribute("conflict", conflict);
        model.addAttribute("channels", ScriptChannel.values());
        model.addAttribute("categories", Arrays.stream(Category.values()).map(Category::code).toList());
        model.addAttribute("risks", Arrays.stream(Risk.values()).map(Risk::code).toList());
        model.addAttribute("departments", ScriptCard.departments());
        model.addAttribute("previews", previews(form));
        model.addAttribute("background", markdown.toHtml(form.value("background")));
        NarrativeStatus status = record == null ? null : record.status();
        boolean finalEditor = actor.has(Role.EINDREDACTEUR);
        model.addAttribute("canSubmit", !readOnly && status == NarrativeStatus.CONCEPT);
        model.addAttribute("canPublish", !readOnly && finalEditor && status == NarrativeStatus.REVIEW);
        model.addAttribute("ownChange", record != null && actor.name().equals(record.lastEditor()));
        model.addAttribute("canReject", !readOnly && finalEditor && status == NarrativeStatus.REVIEW);
        model.addAttribute("canArchive", !readOnly && finalEditor && status != null
                && status != NarrativeStatus.GEARCHIVEERD);
        model.addAttribute("title", isNew ? "Nieuw verhaal" : "Verhaal bewerken: " + form.value("title"));
        return "redactie/verhaal";
    }

    private static Conflict conflict(NarrativeRecord stored, Narrative yours) {
        NarrativeRecord mine = new NarrativeRecord(yours, stored.status(), stored.version(), stored.author(),
                stored.lastEditor(), stored.createdAt(), stored.updatedAt(), stored.contentHash(),
                stored.publishedAt(), stored.publishedBy());
        List<Conflict.Row> rows = new ArrayList<>();
        for (FieldChange change : NarrativeDiff.between(stored, mine)) {
            rows.add(new Conflict.Row(FieldLabels.of(change.field()), change.before(), change.after()));
        }
        return new Conflict(stored.lastEditor(), stored.version(), rows);
    }

    static String path(Slug slug) {
        return "/redactie/verhalen/" + UriUtils.encodePathSegment(slug.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
