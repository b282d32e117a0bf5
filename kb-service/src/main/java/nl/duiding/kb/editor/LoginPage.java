package nl.duiding.kb.editor;

import nl.duiding.kb.security.LoginMethods;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Logging in to the editor: the ways this deployment offers (the identity provider of the organisation, and in the
 * {@code local} profile a password; Spring Security processes both), and the page for a role too few.
 */
@Controller
class LoginPage {

    private final LoginMethods methods;

    LoginPage(LoginMethods methods) {
        this.methods = methods;
    }

    @GetMapping("/redactie/inloggen")
    String login(@RequestParam(required = false) String fout, @RequestParam(required = false) String mislukt,
            @RequestParam(required = false) String uitgelogd, Model model) {
        model.addAttribute("passwords", methods.passwords());
        model.addAttribute("providers", methods.providers());
        model.addAttribute("failed", fout != null);
        model.addAttribute("providerFailed", mislukt != null);
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
