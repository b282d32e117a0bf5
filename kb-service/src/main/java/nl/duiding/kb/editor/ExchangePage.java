package nl.duiding.kb.editor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import nl.duiding.kb.claimreview.ClaimReviewFeed;
import nl.duiding.kb.claimreview.ClaimReviewsExported;
import nl.duiding.kb.content.ContentExporter;
import nl.duiding.kb.content.ContentImporter;
import nl.duiding.kb.narrative.NarrativeWorkflow.ImportOutcome;
import nl.duiding.kb.narrative.PublishedNarratives;
import nl.duiding.kb.security.CurrentUser;
import nl.duiding.kb.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Import and export: the {@code content/} folder in and out (beheerders, as the content API), and the published
 * narratives as ClaimReview JSON-LD for fact-checking partners (editors too).
 */
@Controller
class ExchangePage {

    private final ContentImporter importer;
    private final ContentExporter exporter;
    private final ClaimReviewFeed claimReviews;
    private final PublishedNarratives published;
    private final CurrentUser currentUser;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    ExchangePage(ContentImporter importer, ContentExporter exporter, ClaimReviewFeed claimReviews,
            PublishedNarratives published, CurrentUser currentUser, JsonMapper json, ApplicationEventPublisher events) {
        this.importer = importer;
        this.exporter = exporter;
        this.claimReviews = claimReviews;
        this.published = published;
        this.currentUser = currentUser;
        this.json = json;
        this.events = events;
    }

    @GetMapping("/redactie/uitwisseling")
    String page(Model model) {
        model.addAttribute("beheerder", currentUser.get().has(Role.BEHEERDER));
        model.addAttribute("title", "Import en export");
        return "redactie/uitwisseling";
    }

    @PostMapping("/redactie/uitwisseling/content/import")
    String importContent(RedirectAttributes redirect) {
        ContentImporter.Report report = importer.importAll();
        redirect.addFlashAttribute("melding", "Import klaar: " + report.count(ImportOutcome.CREATED) + " nieuw, "
                + report.count(ImportOutcome.UPDATED) + " gewijzigd, " + report.count(ImportOutcome.UNCHANGED)
                + " ongewijzigd, " + report.invalid() + " bestand(en) met fouten niet ingelezen.");
        if (report.invalid() > 0) {
            redirect.addFlashAttribute("fout", report.invalid() + " bestand(en) voldoen niet aan de regels en zijn "
                    + "overgeslagen; het logboek van kb-service noemt bestand en regel.");
        }
        return "redirect:/redactie/uitwisseling";
    }

    @GetMapping("/redactie/uitwisseling/content/export.zip")
    ResponseEntity<byte[]> exportContent() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        exporter.zipTo(zip, currentUser.get().tenant());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("duiding-content.zip").build().toString())
                .contentType(MediaType.parseMediaType("application/zip")).body(zip.toByteArray());
    }

    @GetMapping("/redactie/uitwisseling/claimreview.jsonld")
    ResponseEntity<byte[]> exportClaimReviews() {
        var narratives = published.visibleTo(currentUser.get().tenant());
        byte[] body = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(claimReviews.feed(narratives));
        events.publishEvent(new ClaimReviewsExported(narratives.size()));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("duiding-claimreview.jsonld").build().toString())
                .contentType(MediaType.parseMediaType("application/ld+json")).body(body);
    }
}
