package nl.duiding.kb.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of the audit log: who did what, when, to which narrative or function, for which tenant, and how it went.
 * Every field is an identifier, a fixed code or a number; there is no free text, so nothing a resident said (or an
 * editor typed) can end up here.
 *
 * @param actor       the employee or service account (name as the login gives it), or a system job
 * @param actorTenant the actor's organisation; null for system jobs
 * @param action      what was done, a code such as {@code verhaal.gepubliceerd} (see docs/security.md)
 * @param outcome     {@code gelukt}, {@code geweigerd} (a rule refused it) or {@code mislukt} (a failure)
 * @param tenant      the organisation whose data was touched, when there is one
 * @param subject     the narrative slug, or the endpoint ({@code POST /api/v1/narratives/{slug}/publish}) of a refusal
 * @param version     the narrative version a change became
 * @param reason      why it was refused or failed: the problem type code, e.g. {@code vier-ogen}
 * @param counts      numbers that belong to the action, e.g. files exported
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEntry(Instant at, String actor, String actorTenant, List<String> actorRoles, String action,
        String outcome, String tenant, String subject, Integer version, String reason, Map<String, Integer> counts) {

    public static final String DONE = "gelukt";
    public static final String REFUSED = "geweigerd";
    public static final String FAILED = "mislukt";

    public AuditEntry {
        actorRoles = actorRoles == null ? List.of() : List.copyOf(actorRoles);
        counts = counts == null || counts.isEmpty() ? null : Map.copyOf(counts);
    }
}
