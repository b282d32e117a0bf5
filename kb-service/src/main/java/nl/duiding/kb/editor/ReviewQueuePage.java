package nl.duiding.kb.editor;

import java.time.Clock;
import java.time.LocalDate;

import nl.duiding.kb.narrative.NarrativeSearch;
import nl.duiding.kb.narrative.NarrativeStatus;
import nl.duiding.kb.security.Actor;
import nl.duiding.kb.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * What needs an editor's attention: narratives past their review date, concepts submitted for review, and the
 * scripts agents most often marked "hielp niet" in the last four weeks.
 */
@Controller
class ReviewQueuePage {

    private static final int MAX = 100;
    private static final int FEEDBACK_DAYS = 28;

    private final NarrativeSearch search;
    private final UsageStatistics usage;
    private final CurrentUser currentUser;
    private final Clock clock;

    ReviewQueuePage(NarrativeSearch search, UsageStatistics usage, CurrentUser currentUser, Clock clock) {
        this.search = search;
        this.usage = usage;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @GetMapping("/redactie/review")
    String queue(Model model) {
        Actor actor = currentUser.get();
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("overdue", search.dueForReview(actor.tenant(), today, MAX));
        model.addAttribute("waiting", search.search(new NarrativeSearch.Criteria(null, null, NarrativeStatus.REVIEW,
                null, null, 1, MAX), actor.tenant(), true).items());
        model.addAttribute("notHelped", usage.mostNotHelped(actor.tenant(), FEEDBACK_DAYS, 20));
        model.addAttribute("feedbackDays", FEEDBACK_DAYS);
        model.addAttribute("today", today);
        model.addAttribute("title", "Reviewlijst");
        return "redactie/review";
    }
}
