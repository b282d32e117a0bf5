package nl.duiding.kb.editor;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import nl.duiding.kb.narrative.Category;
import nl.duiding.kb.narrative.NarrativeSearch;
import nl.duiding.kb.narrative.NarrativeStatus;
import nl.duiding.kb.narrative.Risk;
import nl.duiding.kb.narrative.TenantCode;
import nl.duiding.kb.security.Actor;
import nl.duiding.kb.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The editors' start page: search the working copies with filters and facets, status and review date per row. */
@Controller
class OverviewPage {

    private static final int PAGE_SIZE = 25;

    private final NarrativeSearch search;
    private final CurrentUser currentUser;
    private final Clock clock;

    OverviewPage(NarrativeSearch search, CurrentUser currentUser, Clock clock) {
        this.search = search;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @GetMapping("/")
    String start() {
        return "redirect:/redactie";
    }

    @GetMapping("/redactie")
    String overview(@RequestParam(required = false) String q, @RequestParam(required = false) String category,
            @RequestParam(required = false) String status, @RequestParam(required = false) String risk,
            @RequestParam(required = false) String tenant, @RequestParam(required = false) String page, Model model) {
        Actor actor = currentUser.get();
        String text = q == null ? "" : q.strip();
        if (text.length() > 500) {
            text = text.substring(0, 500);
        }
        int pageNumber = number(page);
        NarrativeSearch.Criteria criteria = new NarrativeSearch.Criteria(text,
                code(category, Category::fromCode), code(status, NarrativeStatus::fromCode),
                code(tenant, TenantCode::new), code(risk, Risk::fromCode), pageNumber, PAGE_SIZE);
        NarrativeSearch.Result result = search.search(criteria, actor.tenant(), true);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("q", text);
        filters.put("category", criteria.category() == null ? "" : criteria.category().code());
        filters.put("status", criteria.status() == null ? "" : criteria.status().code());
        filters.put("risk", criteria.risk() == null ? "" : criteria.risk().code());
        filters.put("tenant", criteria.tenant() == null ? "" : criteria.tenant().value());
        model.addAttribute("filters", filters);
        model.addAttribute("result", result);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("pages", (int) Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("categories", Arrays.stream(Category.values()).map(Category::code).toList());
        model.addAttribute("statuses", Arrays.stream(NarrativeStatus.values()).map(NarrativeStatus::code).toList());
        model.addAttribute("risks", Arrays.stream(Risk.values()).map(Risk::code).toList());
        model.addAttribute("facetNames", Map.of("category", "Categorie", "status", "Status", "tenant", "Organisatie",
                "risk", "Risico"));
        model.addAttribute("title", "Verhalen");
        return "redactie/overzicht";
    }

    /** A filter the page cannot use is left out rather than refused: the list then simply shows more. */
    private static <T> T code(String value, Function<String, T> parse) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parse.apply(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int number(String page) {
        try {
            return page == null ? 1 : Math.clamp(Integer.parseInt(page.strip()), 1, 400);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
