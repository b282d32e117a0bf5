package nl.duiding.connector.sidebar;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import nl.duiding.connector.security.LaunchLinkIssuer;
import nl.duiding.connector.tenant.TenantProperties;
import nl.duiding.connector.tenant.Tenants;

/**
 * A stand-in CRM page (local profile only): a klantcontact form with the Duiding sidebar beside it, opened through a
 * freshly signed launch link exactly as a real CRM would (docs/sidebar-embed.md). "Open zijbalk" signs a new link
 * with what is in the form.
 */
@Controller
@Profile("local")
class DemoCrmController {

    static final String DEMO_TENANT = "GM0363";
    private static final String DEFAULT_NOTES = "Inwoner belt: hij ziet steeds meer witte strepen in de lucht en denkt "
            + "dat vliegtuigen gif sproeien. Wil weten wat de gemeente daaraan doet.";

    private final Tenants tenants;
    private final Clock clock;

    DemoCrmController(Tenants tenants, Clock clock) {
        this.tenants = tenants;
        this.clock = clock;
    }

    @GetMapping("/")
    String demo(@RequestParam(name = "kanaal", defaultValue = "telefoon") String channel,
            @RequestParam(name = "onderwerp", defaultValue = "Vraag over strepen in de lucht") String subject,
            @RequestParam(name = "notities", defaultValue = DEFAULT_NOTES) String notes,
            @RequestParam(name = "inwoner", defaultValue = "demo-inwoner-42") String resident, Model model,
            HttpServletResponse response) {
        TenantProperties.Tenant tenant = tenants.find(DEMO_TENANT).orElseThrow(() -> new IllegalStateException(
                "the demo CRM needs duiding.tenants." + DEMO_TENANT + " with a launch-secret"));
        String contactId = UUID.randomUUID().toString();
        String launch = new LaunchLinkIssuer(tenant.launchSecret(), clock).sign(new LaunchLinkIssuer.Launch(
                DEMO_TENANT, channel, contactId, resident, subject, notes), Duration.ofMinutes(2));
        response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; "
                + "frame-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("launch", launch);
        model.addAttribute("channel", channel);
        model.addAttribute("subject", subject);
        model.addAttribute("notes", notes);
        model.addAttribute("resident", resident);
        model.addAttribute("contactId", contactId);
        return "demo-crm";
    }
}
