package nl.duiding.kb.signal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import nl.duiding.kb.matching.ContactChannel;
import nl.duiding.kb.narrative.TenantCode;
import nl.duiding.kb.privacy.ContactScrubber;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Turns one item of a signals batch into a {@link Signal}, or says in Dutch why it cannot be kept. The text and
 * subject are scrubbed here, before anything is stored or logged.
 */
@Component
class SignalParser {

    static final Set<String> FIELDS = Set.of("source", "externalId", "tenant", "channel", "occurredAt", "text",
            "residentHash", "subject", "matchedSlugs", "confirmedSlugs", "feedback");
    static final Set<String> FEEDBACK = Set.of("gebruikt", "hielp", "hielp-niet", "ander-onderwerp");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:/@-]{1,200}");
    private static final Pattern RESIDENT_HASH = Pattern.compile("[A-Za-z0-9_=+/-]{16,128}");
    private static final int MAX_SUBJECT = 500;
    private static final int MAX_SLUGS = 10;

    private final SignalProperties properties;
    private final ContactScrubber scrubber;
    private final Clock clock;

    SignalParser(SignalProperties properties, ContactScrubber scrubber, Clock clock) {
        this.properties = properties;
        this.scrubber = scrubber;
        this.clock = clock;
    }

    /** Either a signal or a problem. */
    record Parsed(Signal signal, ItemProblem problem, String externalId) {
    }

    /** @param knownSlugs the slugs the tenant's agents can see (its own and the national narratives) */
    Parsed parse(JsonNode item, Function<TenantCode, Set<String>> knownSlugs) {
        if (item == null || !item.isObject()) {
            return rejected(null, ItemProblem.of("ongeldig-signaal", "Ongeldig signaal",
                    "Een signaal moet een JSON-object zijn.", null));
        }
        String externalId = text(item, "externalId");
        for (String field : item.propertyNames()) {
            if (!FIELDS.contains(field)) {
                return rejected(externalId, ItemProblem.of("onbekend-veld", "Onbekend veld",
                        "Het veld '" + field + "' bestaat niet in een signaal.", field));
            }
        }
        String source = text(item, "source");
        if (source == null || !KEY.matcher(source).matches()) {
            return rejected(externalId, invalid("source", "Geef het bronsysteem mee (1 tot 200 letters, cijfers of ._:/@-)."));
        }
        if (externalId == null || !KEY.matcher(externalId).matches()) {
            return rejected(externalId, invalid("externalId",
                    "Geef het kenmerk van het contact in het bronsysteem mee (1 tot 200 letters, cijfers of ._:/@-)."));
        }
        TenantCode tenant;
        try {
            tenant = new TenantCode(text(item, "tenant"));
        } catch (IllegalArgumentException e) {
            return rejected(externalId, invalid("tenant", "Tenant moet een gemeentecode zijn, zoals GM0363."));
        }
        if (tenant.isNational()) {
            return rejected(externalId, invalid("tenant", "Een contact hoort bij een gemeente, niet bij 'nationaal'."));
        }
        ContactChannel channel;
        try {
            channel = ContactChannel.fromCode(text(item, "channel"));
        } catch (IllegalArgumentException e) {
            return rejected(externalId, invalid("channel", "Kanaal moet telefoon, balie, email, chat of brief zijn."));
        }
        Instant occurredAt;
        try {
            occurredAt = OffsetDateTime.parse(String.valueOf(text(item, "occurredAt"))).toInstant();
        } catch (DateTimeParseException e) {
            return rejected(externalId, invalid("occurredAt",
                    "Geef het tijdstip als ISO 8601 met tijdzone, zoals 2026-11-26T09:14:00Z."));
        }
        Instant now = clock.instant();
        if (occurredAt.isAfter(now.plus(properties.maxFutureSkew()))) {
            return rejected(externalId, ItemProblem.of("tijdstip-in-de-toekomst", "Tijdstip in de toekomst",
                    "Het contact ligt in de toekomst (" + occurredAt + "); controleer de klok van het bronsysteem.",
                    "occurredAt"));
        }
        if (occurredAt.isBefore(now.minus(properties.maxAge()))) {
            return rejected(externalId, ItemProblem.of("tijdstip-te-oud", "Contact te oud",
                    "Contacten ouder dan " + properties.maxAge().toDays() + " dagen worden niet meer opgenomen.",
                    "occurredAt"));
        }
        String rawText = text(item, "text");
        if (rawText != null && rawText.length() > properties.maxTextLength()) {
            return rejected(externalId, ItemProblem.of("tekst-te-lang", "Tekst te lang", "De tekst is "
                    + rawText.length() + " tekens; het maximum is " + properties.maxTextLength() + ".", "text"));
        }
        String rawSubject = text(item, "subject");
        if (rawSubject != null && rawSubject.length() > MAX_SUBJECT) {
            return rejected(externalId, ItemProblem.of("tekst-te-lang", "Onderwerp te lang", "Het onderwerp is "
                    + rawSubject.length() + " tekens; het maximum is " + MAX_SUBJECT + ".", "subject"));
        }
        if (binary(rawText) || binary(rawSubject)) {
            return rejected(externalId, ItemProblem.of("ongeldige-tekst", "Ongeldige tekst",
                    "De tekst bevat binaire gegevens of stuurtekens.", rawText != null && binary(rawText) ? "text" : "subject"));
        }
        String residentHash = text(item, "residentHash");
        if (residentHash != null && !RESIDENT_HASH.matcher(residentHash).matches()) {
            return rejected(externalId, invalid("residentHash",
                    "De inwonercode moet een sleutel-hash zijn (16 tot 128 tekens), nooit een BSN of klantnummer."));
        }
        String feedback = text(item, "feedback");
        if (feedback != null && !FEEDBACK.contains(feedback)) {
            return rejected(externalId, invalid("feedback", "Feedback moet gebruikt, hielp, hielp-niet of ander-onderwerp zijn."));
        }
        List<String> matched = new ArrayList<>();
        List<String> confirmed = new ArrayList<>();
        for (String field : List.of("matchedSlugs", "confirmedSlugs")) {
            JsonNode slugs = item.get(field);
            if (slugs == null || slugs.isNull()) {
                continue;
            }
            if (!slugs.isArray() || slugs.size() > MAX_SLUGS) {
                return rejected(externalId, invalid(field, "Geef een lijst van ten hoogste " + MAX_SLUGS + " slugs."));
            }
            for (JsonNode slug : slugs) {
                String value = slug.isString() ? slug.asString() : null;
                if (value == null || !knownSlugs.apply(tenant).contains(value)) {
                    return rejected(externalId, ItemProblem.of("onbekend-verhaal", "Onbekend verhaal",
                            "Er is geen gepubliceerd verhaal '" + (value == null ? slug.toString() : value)
                                    + "' voor " + tenant + ".", field));
                }
                (field.equals("matchedSlugs") ? matched : confirmed).add(value);
            }
        }
        String text = rawText == null || rawText.isBlank() ? null : scrubber.clean(rawText);
        String subject = rawSubject == null || rawSubject.isBlank() ? null : scrubber.clean(rawSubject);
        return new Parsed(new Signal(source, externalId, tenant, channel, occurredAt, text, residentHash, subject,
                matched, confirmed, feedback), null, externalId);
    }

    private static Parsed rejected(String externalId, ItemProblem problem) {
        return new Parsed(null, problem, externalId);
    }

    private static ItemProblem invalid(String field, String detail) {
        return ItemProblem.of("ongeldige-waarde", "Ongeldige waarde", detail, field);
    }

    private static String text(JsonNode item, String field) {
        JsonNode value = item.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }

    private static boolean binary(String text) {
        return text != null && text.chars().anyMatch(c -> c == 0 || (Character.isISOControl(c) && !Character.isWhitespace(c)));
    }
}
