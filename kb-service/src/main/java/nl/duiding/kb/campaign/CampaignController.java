package nl.duiding.kb.campaign;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import nl.duiding.kb.narrative.PublishedNarratives;
import nl.duiding.kb.narrative.Slug;
import nl.duiding.kb.narrative.TenantCode;
import nl.duiding.kb.security.Actor;
import nl.duiding.kb.security.CurrentUser;
import nl.duiding.kb.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Belacties: the active ones for the sidebar, and the analyst's list with the lifecycle steps
 * gedetecteerd → bevestigd → afgesloten. A campaign of another municipality answers 404, as if it did not exist.
 */
@RestController
@RequestMapping("/api/v1/campaigns")
class CampaignController {

    /** The analyst's confirmation: optionally the narrative it is about and the short script agents should use. */
    record Confirmation(String slug, String shortScript) {
    }

    private final CampaignStore store;
    private final PublishedNarratives narratives;
    private final CurrentUser currentUser;
    private final Clock clock;

    CampaignController(CampaignStore store, PublishedNarratives narratives, CurrentUser currentUser, Clock clock) {
        this.store = store;
        this.narratives = narratives;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @GetMapping("/active")
    Map<String, List<ActiveCampaign>> active(@RequestParam(required = false) String tenant) {
        return Map.of("campaigns", store.of(currentUser.municipality(tenant)));
    }

    @GetMapping
    Map<String, List<Campaign>> list(@RequestParam(required = false) String tenant,
            @RequestParam(required = false) String status) {
        List<CampaignStatus> statuses;
        try {
            statuses = status == null || status.isBlank() ? List.of(CampaignStatus.values())
                    : List.of(CampaignStatus.fromCode(status));
        } catch (IllegalArgumentException e) {
            throw problem(HttpStatus.BAD_REQUEST, "ongeldige-parameter", "Ongeldige parameter",
                    "Status moet gedetecteerd, bevestigd of afgesloten zijn.");
        }
        return Map.of("campaigns", store.list(currentUser.municipality(tenant), statuses));
    }

    @GetMapping("/{id}")
    Campaign get(@PathVariable String id) {
        return own(id);
    }

    @PostMapping("/{id}/confirm")
    Campaign confirm(@PathVariable String id, @RequestBody(required = false) Confirmation body) {
        Campaign campaign = own(id);
        Confirmation confirmation = body == null ? new Confirmation(null, null) : body;
        String title = null;
        if (confirmation.slug() != null) {
            TenantCode tenant = new TenantCode(campaign.tenant());
            try {
                title = narratives.find(new Slug(confirmation.slug()), tenant)
                        .map(r -> "Belactie: " + r.narrative().title()).orElse(null);
            } catch (IllegalArgumentException e) {
                title = null;
            }
            if (title == null) {
                throw problem(HttpStatus.UNPROCESSABLE_CONTENT, "onbekend-verhaal", "Onbekend verhaal",
                        "Er is geen gepubliceerd verhaal '" + confirmation.slug() + "'.");
            }
        }
        if (confirmation.shortScript() != null && confirmation.shortScript().length() > 2000) {
            throw problem(HttpStatus.BAD_REQUEST, "ongeldige-waarde", "Script te lang",
                    "Het korte script mag ten hoogste 2000 tekens zijn.");
        }
        Campaign confirmed = step(campaign, () -> campaign.confirm(currentUser.get().name(), confirmation.slug(),
                null, confirmation.shortScript(), clock.instant()));
        if (confirmation.slug() != null) {
            confirmed = new Campaign(confirmed.id(), confirmed.tenant(), confirmed.status(), confirmed.slug(), title,
                    confirmed.template(), confirmed.shortScript(), confirmed.since(), confirmed.lastContactAt(),
                    confirmed.detectedAt(), confirmed.confirmedAt(), confirmed.confirmedBy(), confirmed.closedAt(),
                    confirmed.closedBy(), confirmed.contacts(), confirmed.residents(), confirmed.peakContacts());
        }
        store.save(confirmed);
        return confirmed;
    }

    @PostMapping("/{id}/close")
    Campaign close(@PathVariable String id) {
        Campaign campaign = own(id);
        Campaign closed = step(campaign, () -> campaign.close(currentUser.get().name(), clock.instant()));
        store.save(closed);
        return closed;
    }

    private static Campaign step(Campaign campaign, java.util.function.Supplier<Campaign> transition) {
        try {
            return transition.get();
        } catch (Campaign.InvalidTransition e) {
            throw problem(HttpStatus.CONFLICT, "ongeldige-statuswijziging", "Statuswijziging niet mogelijk",
                    "Deze belactie heeft status '" + campaign.status().code() + "'; die stap kan vanuit die status niet.");
        }
    }

    private Campaign own(String id) {
        Actor actor = currentUser.get();
        return store.find(id).filter(c -> actor.tenant().isNational() || c.tenant().equals(actor.tenant().value()))
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "belactie-niet-gevonden", "Belactie niet gevonden",
                        "Er is geen belactie met dit kenmerk die u kunt zien."));
    }

    private static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
        return new ErrorResponseException(status, Problems.of(status, type, title, detail), null);
    }
}
