package nl.duiding.kb.editor;

import java.util.List;

import nl.duiding.kb.narrative.EntityTag;
import nl.duiding.kb.narrative.FieldChange;
import nl.duiding.kb.narrative.InvalidNarrative;
import nl.duiding.kb.narrative.NarrativeDiff;
import nl.duiding.kb.narrative.NarrativeKey;
import nl.duiding.kb.narrative.NarrativeWorkflow;
import nl.duiding.kb.narrative.Revision;
import nl.duiding.kb.narrative.StaleEntityTag;
import nl.duiding.kb.security.Actor;
import nl.duiding.kb.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A narrative's history: every version with who did what, a word-level comparison of two versions, and restore. */
@Controller
class HistoryPage {

    private final NarrativeWorkflow workflow;
    private final CurrentUser currentUser;

    HistoryPage(NarrativeWorkflow workflow, CurrentUser currentUser) {
        this.workflow = workflow;
        this.currentUser = currentUser;
    }

    /** One changed field: its Dutch name, and the text before and after as parts to mark. */
    public record ChangedField(String label, String before, String after, List<WordDiff.Part> parts) {

        static ChangedField of(FieldChange change) {
            return new ChangedField(FieldLabels.of(change.field()), change.before(), change.after(),
                    WordDiff.between(change.before(), change.after()));
        }
    }

    /** A version in the list, with the names of the fields it changed. */
    public record Entry(Revision revision, List<String> changed) {
    }

    @GetMapping("/redactie/verhalen/{slug}/geschiedenis")
    String history(@PathVariable String slug, @RequestParam(required = false) String tenant,
            @RequestParam(required = false) Integer van, @RequestParam(required = false) Integer tot, Model model) {
        Actor actor = currentUser.get();
        NarrativeKey key = Pages.readableKey(actor, slug, tenant);
        List<Revision> revisions = workflow.revisions(key);
        NarrativeWorkflow.Saved current = workflow.workingCopy(key);
        int newest = revisions.getFirst().version();
        int to = tot == null ? newest : tot;
        int from = van == null ? Math.max(1, to - 1) : van;
        model.addAttribute("entries", revisions.stream().map(r -> new Entry(r,
                r.changedFields().stream().map(FieldLabels::of).distinct().toList())).toList());
        model.addAttribute("record", current.record());
        model.addAttribute("etag", current.tag().headerValue());
        model.addAttribute("readOnly", !key.tenant().equals(actor.tenant()));
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        if (from != to) {
            List<FieldChange> changes = NarrativeDiff.between(workflow.revision(key, from).snapshot(),
                    workflow.revision(key, to).snapshot());
            model.addAttribute("diff", changes.stream().map(ChangedField::of).toList());
        }
        model.addAttribute("title", "Geschiedenis: " + current.record().narrative().title());
        return "redactie/geschiedenis";
    }

    @PostMapping("/redactie/verhalen/{slug}/geschiedenis/{version}/terugzetten")
    String restore(@PathVariable String slug, @PathVariable int version, @RequestParam(required = false) String etag,
            RedirectAttributes redirect) {
        Actor actor = currentUser.get();
        NarrativeKey key = new NarrativeKey(actor.tenant(), Pages.slug(slug));
        try {
            EntityTag expected = EntityTag.parse(etag).orElseThrow(() -> new StaleEntityTag(key));
            workflow.restore(key, version, expected, actor.name());
            redirect.addFlashAttribute("melding", "Versie " + version + " is teruggezet als nieuw concept.");
            return "redirect:" + NarrativePages.path(key.slug());
        } catch (StaleEntityTag e) {
            redirect.addFlashAttribute("fout", "Iemand anders heeft het verhaal intussen gewijzigd. Bekijk de "
                    + "geschiedenis opnieuw en zet dan de versie terug.");
        } catch (InvalidNarrative e) {
            redirect.addFlashAttribute("fout", "Versie " + version + " voldoet niet aan de huidige regels en kan "
                    + "daarom niet worden teruggezet. Neem de tekst over in de editor en vul aan wat ontbreekt.");
        }
        return "redirect:" + NarrativePages.path(key.slug()) + "/geschiedenis";
    }
}
