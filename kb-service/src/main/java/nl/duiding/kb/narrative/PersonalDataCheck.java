package nl.duiding.kb.narrative;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.duiding.kb.privacy.ContactScrubber;
import nl.duiding.kb.privacy.ContactScrubber.Kind;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * A narrative is shown to every agent of every municipality, so it must carry no resident's data: an editor who
 * pastes a real letter as a trigger phrasing, with its phone number or BSN, is stopped with the field named. Only the
 * kinds that are never the municipality's own are refused; an address (the town hall's), a postcode, a name (the
 * invented "Piet uit de familie De Vries" of a sovereign phrasing) and a date (the scrubber takes any full date of
 * fifteen years ago or more for a date of birth, and a background may date a law) are allowed.
 */
@Component
class PersonalDataCheck {

    private static final Map<Kind, String> REFUSED = new EnumMap<>(Map.of(
            Kind.EMAIL, "een e-mailadres", Kind.PHONE, "een telefoonnummer", Kind.BSN, "een BSN",
            Kind.IBAN, "een rekeningnummer (IBAN)", Kind.LICENCE_PLATE, "een kenteken"));
    /** Fields that are codes, dates or addresses of sources, not text someone wrote. */
    private static final Set<String> NOT_TEXT = Set.of("slug", "tenant", "category", "risk", "status", "author",
            "validFrom", "validUntil", "reviewBy", "url", "related", "tags");

    private final ContactScrubber scrubber;

    PersonalDataCheck(ContactScrubber scrubber) {
        this.scrubber = scrubber;
    }

    /** One violation per field that holds personal data, by JSON path as the schema names fields. */
    List<NarrativeSchema.Violation> violations(JsonNode frontMatter, String background) {
        List<NarrativeSchema.Violation> violations = new ArrayList<>();
        walk(frontMatter, "$", violations);
        check(background, "$.background", violations);
        return violations;
    }

    private void walk(JsonNode node, String path, List<NarrativeSchema.Violation> violations) {
        if (node.isString()) {
            check(node.asString(), path, violations);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", violations);
            }
        } else if (node.isObject()) {
            for (String name : node.propertyNames()) {
                if (!NOT_TEXT.contains(name)) {
                    walk(node.get(name), path + "." + name, violations);
                }
            }
        }
    }

    private void check(String text, String path, List<NarrativeSchema.Violation> violations) {
        if (text == null || text.isBlank()) {
            return;
        }
        scrubber.scrub(text).spans().stream()
                .map(ContactScrubber.Span::kind)
                .filter(REFUSED::containsKey)
                .distinct()
                .forEach(kind -> violations.add(new NarrativeSchema.Violation(path, "bevat " + REFUSED.get(kind)
                        + "; een verhaal is zichtbaar voor alle medewerkers, haal persoonsgegevens weg", null)));
    }
}
