package nl.duiding.kb.editor;

import java.util.List;

import nl.duiding.kb.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Per narrative and script: how often shown, used, "hielp" and "hielp niet", and the trend against the period before. */
@Controller
class UsagePage {

    static final List<Integer> PERIODS = List.of(7, 28, 90);

    private final UsageStatistics usage;
    private final CurrentUser currentUser;

    UsagePage(UsageStatistics usage, CurrentUser currentUser) {
        this.usage = usage;
        this.currentUser = currentUser;
    }

    @GetMapping("/redactie/gebruik")
    String usage(@RequestParam(required = false) Integer dagen, Model model) {
        int days = dagen != null && PERIODS.contains(dagen) ? dagen : 28;
        model.addAttribute("days", days);
        model.addAttribute("periods", PERIODS);
        model.addAttribute("rows", usage.rows(currentUser.get().tenant(), days));
        model.addAttribute("title", "Gebruik van de scripts");
        return "redactie/gebruik";
    }
}
