package nl.duiding.kb.editor;

import java.util.List;

import nl.duiding.kb.matching.ContactChannel;
import nl.duiding.kb.matching.MatchResponse;
import nl.duiding.kb.matching.MatchService;
import nl.duiding.kb.matching.PhrasingCoverage;
import nl.duiding.kb.narrative.NarrativeNotFound;
import nl.duiding.kb.narrative.NarrativeRecord;
import nl.duiding.kb.narrative.NarrativeWorkflow;
import nl.duiding.kb.security.Actor;
import nl.duiding.kb.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Test de herkenning": which published narratives a pasted text matches, with score and evidence, exactly as
 * {@code /api/v1/match} answers the sidebar; and, for one narrative, which of its trigger phrasings (as in the working
 * copy, saved or not yet published) covers the text best and which words they miss.
 */
@Controller
class RecognitionPage {

    private static final int MAX_TEXT = 20_000;

    private final MatchService matching;
    private final NarrativeWorkflow workflow;
    private final CurrentUser currentUser;

    RecognitionPage(MatchService matching, NarrativeWorkflow workflow, CurrentUser currentUser) {
        this.matching = matching;
        this.workflow = workflow;
        this.currentUser = currentUser;
    }

    @GetMapping("/redactie/herkenning")
    String form(@RequestParam(required = false) String verhaal, Model model) {
        model.addAttribute("text", "");
        model.addAttribute("channel", ContactChannel.TELEFOON.code());
        model.addAttribute("verhaal", verhaal == null ? "" : verhaal);
        return page(model);
    }

    @PostMapping("/redactie/herkenning")
    String test(@RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "telefoon") String kanaal,
            @RequestParam(defaultValue = "") String verhaal, Model model) {
        Actor actor = currentUser.get();
        model.addAttribute("text", text);
        model.addAttribute("channel", kanaal);
        model.addAttribute("verhaal", verhaal.strip());
        ContactChannel channel;
        try {
            channel = ContactChannel.fromCode(kanaal);
        } catch (IllegalArgumentException e) {
            channel = ContactChannel.TELEFOON;
        }
        if (text.isBlank()) {
            model.addAttribute("textError", "Plak of typ de tekst van de inwoner.");
            return page(model);
        }
        if (text.length() > MAX_TEXT) {
            model.addAttribute("textError", "De tekst is " + text.length() + " tekens; het maximum is " + MAX_TEXT
                    + ".");
            return page(model);
        }
        MatchResponse response = matching.match(text, channel, actor.tenant());
        model.addAttribute("matches", response.matches());
        model.addAttribute("tested", true);
        if (!verhaal.isBlank()) {
            try {
                NarrativeRecord record = workingCopy(actor, verhaal.strip());
                List<PhrasingCoverage> ranked = matching.rankPhrasings(text, record.narrative().triggers());
                model.addAttribute("target", record);
                model.addAttribute("targetMatched", response.matches().stream()
                        .anyMatch(m -> m.slug().equals(record.slug().value())));
                model.addAttribute("phrasings", ranked);
            } catch (NarrativeNotFound e) {
                model.addAttribute("verhaalError", "Er is geen verhaal met slug '" + verhaal.strip() + "'.");
            }
        }
        return page(model);
    }

    /** The editor's own organisation's narrative under this slug, else the national one. */
    private NarrativeRecord workingCopy(Actor actor, String slug) {
        try {
            return workflow.workingCopy(Pages.readableKey(actor, slug, null)).record();
        } catch (NarrativeNotFound e) {
            if (actor.tenant().isNational()) {
                throw e;
            }
            return workflow.workingCopy(Pages.readableKey(actor, slug, "nationaal")).record();
        }
    }

    private String page(Model model) {
        model.addAttribute("channels", java.util.Arrays.stream(ContactChannel.values()).map(ContactChannel::code)
                .toList());
        model.addAttribute("title", "Test de herkenning");
        return "redactie/herkenning";
    }

}
