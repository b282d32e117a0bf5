package nl.duiding.kb.audit;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import nl.duiding.kb.claimreview.ClaimReviewsExported;
import nl.duiding.kb.content.ContentExported;
import nl.duiding.kb.content.ContentImported;
import nl.duiding.kb.content.ContentImporter;
import nl.duiding.kb.narrative.NarrativeChangeRefused;
import nl.duiding.kb.narrative.NarrativeChanged;
import nl.duiding.kb.narrative.TenantCode;
import nl.duiding.kb.security.AccessMatrix;
import nl.duiding.kb.security.Actor;
import nl.duiding.kb.security.CurrentUser;
import nl.duiding.kb.security.Role;
import nl.duiding.kb.signal.ResidentErased;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Turns what the features announce into audit entries: editorial changes and refusals, content import and export,
 * the ClaimReview download, refused access and editor logins. The features do not know the audit log; they publish
 * their events and this listens (synchronously, on the request's thread, so the logged-in actor is known).
 */
@Component
class AuditListener {

    private final AuditLog log;
    private final CurrentUser currentUser;
    private final Clock clock;

    AuditListener(AuditLog log, CurrentUser currentUser, Clock clock) {
        this.log = log;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @EventListener
    void narrativeChanged(NarrativeChanged e) {
        record(e.actor(), "verhaal." + e.action().code(), AuditEntry.DONE, e.key().tenant(), e.key().slug().value(),
                e.version(), null, null);
    }

    @EventListener
    void narrativeChangeRefused(NarrativeChangeRefused e) {
        record(e.actor(), "verhaal." + e.action().code(), e.refused() ? AuditEntry.REFUSED : AuditEntry.FAILED,
                e.tenant(), e.slug() == null ? null : e.slug().value(), null, e.reason(), null);
    }

    @EventListener
    void contentImported(ContentImported e) {
        record(ContentImporter.IMPORTER, "content.import", AuditEntry.DONE, null, null, null, null,
                Map.of("nieuw", e.created(), "gewijzigd", e.updated(), "ongewijzigd", e.unchanged(),
                        "ongeldig", e.invalid()));
    }

    @EventListener
    void contentExported(ContentExported e) {
        record(null, "content.export." + e.form(), AuditEntry.DONE, e.scope(), null, null, null,
                Map.of("bestanden", e.files()));
    }

    @EventListener
    void claimReviewsExported(ClaimReviewsExported e) {
        record(null, "claimreview.export", AuditEntry.DONE, null, null, null, null,
                Map.of("verhalen", e.narratives()));
    }

    @EventListener
    void residentErased(ResidentErased e) {
        // The count, never the hash: the audit log must not become a list of who asked to be forgotten.
        record(null, "inwoner.gewist", AuditEntry.DONE, e.tenant(), null, null, null,
                Map.of("contacten", e.signals()));
    }

    @EventListener
    void accessDenied(AuthorizationDeniedEvent<?> e) {
        Authentication authentication = e.getAuthentication().get();
        // Not logged in is answered with 401 and is no one's action; only refusals of known people are audited.
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated() || !(e.getSource() instanceof HttpServletRequest request)) {
            return;
        }
        // The row of the access matrix, never the address itself: an address may carry identifiers.
        String subject = AccessMatrix.ruleFor(request)
                .map(rule -> (rule.method() == null ? "*" : rule.method().name()) + " " + rule.pattern())
                .orElse(request.getMethod() + " (adres zonder regel)");
        record(CurrentUser.of(authentication), null, "toegang.geweigerd", AuditEntry.REFUSED, null, subject, null,
                "geen-toegang", null);
    }

    @EventListener
    void loggedIn(InteractiveAuthenticationSuccessEvent e) {
        record(CurrentUser.of(e.getAuthentication()), null, "inloggen", AuditEntry.DONE, null, null, null, null, null);
    }

    void auditRead() {
        record(null, "auditlog.ingezien", AuditEntry.DONE, null, null, null, null, null);
    }

    /** Who: the logged-in actor when there is one; else the name the feature gave (a system job). */
    private void record(String fallbackActor, String action, String outcome, TenantCode tenant, String subject,
            Integer version, String reason, Map<String, Integer> counts) {
        record(currentUser.find().orElse(null), fallbackActor, action, outcome, tenant, subject, version, reason,
                counts);
    }

    private void record(Actor actor, String fallbackActor, String action, String outcome, TenantCode tenant,
            String subject, Integer version, String reason, Map<String, Integer> counts) {
        String name = actor != null ? actor.name() : fallbackActor == null ? "systeem" : fallbackActor;
        List<String> roles = actor == null ? List.of()
                : Arrays.stream(Role.values()).filter(actor::has).map(Role::code).toList();
        log.append(new AuditEntry(clock.instant(), name, actor == null ? null : actor.tenant().value(), roles, action,
                outcome, tenant == null ? null : tenant.value(), subject, version, reason, counts));
    }
}
