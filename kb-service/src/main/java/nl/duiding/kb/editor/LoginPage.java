package nl.duiding.kb.editor;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Logging in to the editor (Spring Security's form login processes the form) and the page for a role too few. */
@Controller
class LoginPage {

    @GetMapping("/redactie/inloggen")
    String login(@RequestParam(required = false) String fout, @RequestParam(required = false) String uitgelogd,
            Model model) {
        model.addAttribute("failed", fout != null);
        model.addAttribute("loggedOut", uitgelogd != null);
        model.addAttribute("title", "Inloggen");
        return "redactie/inloggen";
    }

    @RequestMapping("/redactie/geen-toegang")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(Model model) {
        model.addAttribute("title", "Geen toegang");
        model.addAttribute("heading", "Geen toegang");
        model.addAttribute("message", "Uw rol geeft geen toegang tot dit deel van de redactie. Vraag de beheerder "
                + "om de rol redacteur of eindredacteur als u verhalen wilt bewerken.");
        return "redactie/fout";
    }
}
