package nl.duiding.kb.privacy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Removes personal data from contact text before it is stored or logged: BSN (11-proef), phone numbers (Dutch and
 * international), e-mail addresses, IBAN (mod-97), postcodes and street addresses with house number, dates of birth,
 * Dutch licence plates and announced personal names. Each find is replaced by a Dutch placeholder such as
 * {@code [bsn]}, so the text still reads as a sentence and near-duplicate detection still sees the same template.
 *
 * <p>Precision and recall are measured on a labelled set of KCC snippets ({@code ContactScrubberTest}); the figures
 * are in docs/privacy-scrubber.md. Names are found where the text announces them ({@link NameFinder}).
 */
@Component
public class ContactScrubber {

    /** What was found; the placeholder is what replaces it. */
    public enum Kind {
        EMAIL("[e-mail]"), IBAN("[iban]"), PHONE("[telefoon]"), BSN("[bsn]"), BIRTH_DATE("[geboortedatum]"),
        POSTCODE("[postcode]"), ADDRESS("[adres]"), LICENCE_PLATE("[kenteken]"), NAME("[naam]"),
        /** Internal: a stretch that looks like personal data but is known not to be (kept as it is). */
        KEEP(null);

        private final String placeholder;

        Kind(String placeholder) {
            this.placeholder = placeholder;
        }

        public String placeholder() {
            return placeholder;
        }
    }

    /** One find in the original text, {@code [start, end)}. */
    public record Span(int start, int end, Kind kind) {
    }

    /** The scrubbed text and what was removed (positions in the original, never the values). */
    public record Result(String text, List<Span> spans) {
    }

    private static final Pattern EMAIL = Pattern.compile(
            "[\\p{L}0-9._%+'-]+\\s?(?:@|\\(at\\)|\\[at\\])\\s?[\\p{L}0-9-]+(?:\\.[\\p{L}0-9-]+)*\\.[A-Za-z]{2,}");

    /** Mailboxes of an organisation's role, not of a person (info@gemeente.nl). */
    private static final Pattern ROLE_MAILBOX = Pattern.compile("(?i)^(info|noreply|no-reply|klantcontact|contact|"
            + "servicedesk|helpdesk|support|post|secretariaat|belastingen|bezwaar|gemeente|receptie|kcc|webmaster)\\s?"
            + "(?:@|\\(at\\)|\\[at\\])");

    private static final Pattern IBAN = Pattern.compile(
            "(?i)\\b([A-Z]{2})\\s?(\\d{2})[\\s.]?((?:[A-Z0-9]{4}[\\s.]?){2,7}[A-Z0-9]{0,4})\\b");

    // Dutch numbers: 10 digits from a leading 0, or the same after +31/0031, with the usual separators.
    private static final Pattern PHONE_NL = Pattern.compile(
            "(?<![\\d\\w])(?:(?:\\+|00)31[\\s.-]?(?:\\(0\\)[\\s.-]?)?|0)(?:[1-9](?:[\\s./-]?\\d|\\s[./-]\\s\\d){8})(?![\\d])");
    /** Numbers of companies and services (088 company numbers, 0800 free, 090x paid), not of a person. */
    private static final Pattern SERVICE_NUMBER = Pattern.compile("^(?:\\+31|0031)?[\\s.-]?0?(?:88|800|90[069])");
    // Area code in brackets: (013) 2791805, (0320) 983478.
    private static final Pattern PHONE_BRACKETS = Pattern.compile(
            "\\(0[1-9]\\d{1,3}\\)[\\s-]?\\d(?:[\\s-]?\\d){4,7}(?!\\d)");
    // International numbers need the plus or 00 prefix and 8 to 15 digits in all.
    private static final Pattern PHONE_INTL = Pattern.compile(
            "(?<![\\d\\w])(?:\\+|00)[1-9]\\d{0,2}(?:[\\s.-]?\\(?\\d{1,4}\\)?){2,6}(?![\\d])");

    // Nine digits, grouped any way with single spaces, dots or dashes (123 456 782, 1234.56.782, 12-34-56-782); a
    // number glued to a letter (K2025-00871) or inside a longer number is a reference, not a BSN.
    private static final Pattern NINE_DIGITS = Pattern.compile(
            "(?<![\\p{L}\\d.,€-])\\d(?:[ .-]?\\d){8}(?!\\d|[.,-]\\d)");
    private static final Pattern BSN_CONTEXT = Pattern.compile(
            "(?i)(bsn|burgerservice\\s?nummer|burgerservicenr|sofi\\s?nummer|sofinummer|sofinr)\\W{0,12}$");
    // A 9-digit number after one of these labels is a reference, not a BSN.
    private static final Pattern REFERENCE_CONTEXT = Pattern.compile(
            "(?i)(order|bestel|factuur|zaak|dossier|klant|artikel|referentie|kenmerk|polis|contract|relatie|"
                    + "aanslag|vergunnings?|registratie|meldings?|ticket|transactie|boekings?|volg|track|"
                    + "debiteur|crediteur|aanvraag|rekening)\\s?(nummer|nr\\.?|code|id)?\\W{0,6}$");

    private static final String MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|"
            + "november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec";
    private static final Pattern DATE = Pattern.compile("(?i)\\b(?:\\d{1,2}[-/.]\\d{1,2}[-/.](?:\\d{4}|\\d{2})|"
            + "\\d{1,2}\\s(?:" + MONTHS + ")\\.?\\s\\d{4}|(?:19|20)\\d{2}-\\d{2}-\\d{2})\\b");
    private static final Pattern BIRTH_CONTEXT = Pattern.compile("(?i)(geboren|geb\\.?|geboortedatum|geb\\.?\\s?datum|"
            + "gebdat|geboortedag|dob|date of birth|geboorte)\\W{0,4}(op|d\\.?d\\.?|:)?\\W{0,4}(de\\s)?"
            + "(?:(?:kind|aanvrager|vader|moeder|zoon|dochter|partner|van)\\W{1,3}){0,2}$");
    private static final Pattern BIRTH_AFTER = Pattern.compile("(?i)^\\W{0,3}(geboren|geb\\.)");
    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})\\b|\\b(\\d{2})$");
    /** A full date this many years back is a date of birth in KCC text, whatever stands before it. */
    private static final int BIRTH_YEARS_BACK = 15;

    private static final Pattern POSTCODE = Pattern.compile(
            "\\b[1-9]\\d{3}\\s?(?!SA|SD|SS)[A-Z]{2}\\b(?:[\\s,]{1,3}(?:huisnummer\\s|nr\\.?\\s?)?\\d{1,5}(?:\\s?[a-zA-Z]\\b|-\\d+)?)?"
                    // lowercase letters only when a house number follows, and never a common short word
                    + "|(?i:\\b[1-9]\\d{3}\\s?(?!sa|sd|ss|om|en|is|in|op|of|te|de|al|na|ca|nu|zo|uw|je|we|ze|er|af|ik|tm|en)"
                    + "[a-z]{2}\\b)(?=[\\s,]{1,3}(?:huisnummer\\s|nr\\.?\\s?)?\\d{1,5}(?!\\d|[:.,]\\d))");
    // Lowercase letters without a house number: after the word postcode, before a place name, or after an address.
    private static final Pattern POSTCODE_LOWER = Pattern.compile(
            "(?i:\\b[1-9]\\d{3}\\s?(?!sa|sd|ss)[a-z]{2}\\b)");
    private static final Pattern POSTCODE_LABEL = Pattern.compile("(?i)postcode\\W{0,3}(?:is\\W{1,2})?$");
    private static final Pattern AFTER_ADDRESS = Pattern.compile("\\d{1,4}(?:\\s?[a-zA-Z]{1,3}|-\\w{1,3})?,\\s?$");
    private static final Pattern BEFORE_PLACE = Pattern.compile("^,?\\s[A-Z][a-z]{2,}");
    private static final Pattern PO_BOX = Pattern.compile("(?i)(postbus|antwoordnummer)\\s?\\d{1,6},?\\s?$");
    /** Words that follow a four-digit number in ordinary text ("2025 om", "1500 en"), never postcode letters. */
    private static final java.util.Set<String> NOT_POSTCODE = java.util.Set.of("om", "en", "is", "in", "op", "of", "te",
            "de", "al", "na", "ca", "nu", "zo", "uw", "je", "we", "ze", "er", "af", "ik", "tm", "mt", "km", "kg", "cm",
            "mm", "ml", "uur", "pp", "st", "nr", "eu", "ex", "ad", "by", "to", "at", "on", "an", "be", "me", "he",
            "hh", "ha", "ja", "ou", "ct");
    private static final Pattern ADDRESS = Pattern.compile(
            "\\b(?:[A-Z][\\p{L}'-]+\\s){0,2}[A-Z]?[\\p{L}'-]*(?:straat|weg|laan|plein|gracht|kade|dijk|singel|hof|pad|"
                    + "steeg|dreef|park|plantsoen|markt|wal|baan|ring|erf|veld|straatweg|allee|boulevard|dam|"
                    + "burgwal|haven|oord|hoek|zijde|kant|weide)\\s\\d{1,4}(?:\\s?-?\\s?[a-zA-Z](?![\\p{L}])|"
                    + "-\\d{1,3}|\\s?(?:hs|bis|I{1,3})\\b)?");
    // Street names without a known suffix (Laan van Meerdervoort, Oude Rijn, Achter de Kerk): capitalised words with
    // the usual particles, a house number, and either an address cue before them or a postcode after them.
    private static final String STREET_WORDS = "(?:[A-Z][\\p{L}'.-]*\\s(?:(?:van|de|der|den|het|'t|op|aan|bij|in|"
            + "ter|ten|tot|achter|over|om|la|le)\\s){0,3}){1,4}";
    private static final String HOUSE_NUMBER = "\\d{1,4}(?:\\s?-?\\s?[a-zA-Z](?![\\p{L}])|-\\d{1,3}|\\s?-?\\s?"
            + "(?:hs|bis|I{1,3})\\b)?";
    private static final Pattern ADDRESS_AFTER_CUE = Pattern.compile("(?i:(?:(?:woon|woont|wonen|wonende|woonachtig)"
            + "\\s(?:\\p{L}+\\s){0,2}?(?:op|aan|in)|adres(?:\\s(?:is|was))?:?|verhuisd\\snaar|verhuizen\\snaar|"
            + "verhuizing(?:\\s[\\p{L}\\d]+){0,4}\\snaar|woning|kelder\\sop)\\s(?:de\\s|het\\s)?)(" + STREET_WORDS + HOUSE_NUMBER
            + ")");
    private static final Pattern ADDRESS_BEFORE_POSTCODE = Pattern.compile("(" + STREET_WORDS + HOUSE_NUMBER
            + ")(?=,?\\s[1-9]\\d{3}\\s?[A-Za-z]{2}\\b)");
    // House number suffixes the suffix pattern does not take: 176-bis, 12-hs.
    private static final Pattern HOUSE_NUMBER_TAIL = Pattern.compile("^-?(?:bis|hs|[A-Za-z])\\b");
    /** The suffixes of {@link #ADDRESS}; an address ends in one of them, a space and a digit. */
    private static final List<String> ADDRESS_SUFFIXES = List.of("straat", "weg", "laan", "plein", "gracht", "kade",
            "dijk", "singel", "hof", "pad", "steeg", "dreef", "park", "plantsoen", "markt", "wal", "baan", "ring", "erf",
            "veld", "allee", "boulevard", "dam", "burgwal", "haven", "oord", "hoek", "zijde", "kant", "weide");

    // The Dutch sidecodes 1 to 14, with dashes; the letters are those the RDW issues.
    private static final String L = "[BDFGHJKLMNPRSTVXZ]";
    private static final Pattern PLATE = Pattern.compile("(?i)(?<![\\w-])(?:"
            + L + "{2}-\\d{2}-\\d{2}|\\d{2}-\\d{2}-" + L + "{2}|\\d{2}-" + L + "{2}-\\d{2}|" + L + "{2}-\\d{2}-" + L
            + "{2}|" + L + "{2}-" + L + "{2}-\\d{2}|\\d{2}-" + L + "{2}-" + L + "{2}|\\d{2}-" + L + "{3}-\\d|\\d-" + L
            + "{3}-\\d{2}|" + L + "{2}-\\d{3}-" + L + "|" + L + "-\\d{3}-" + L + "{2}|" + L + "{3}-\\d{2}-" + L + "|"
            + L + "-\\d{2}-" + L + "{3}|\\d-" + L + "{2}-\\d{3}|\\d{3}-" + L + "{2}-\\d)(?![\\w-])");
    private static final Pattern PLATE_CONTEXT = Pattern.compile("(?i)kenteken\\w*\\W{0,6}$");
    private static final Pattern PLATE_NO_DASHES = Pattern.compile("(?i)(?<![\\w-])[A-Z0-9]{6}(?![\\w-])");

    public Result scrub(String text) {
        if (text == null || text.isEmpty()) {
            return new Result(text, List.of());
        }
        List<Span> spans = new ArrayList<>();
        if (mayHoldEmail(text)) {
            findEmails(text, spans);
        }
        // Every other kind holds a digit; most contact texts hold none, and the patterns are the costly part of
        // intake, so a text without a digit skips them.
        if (!hasDigit(text)) {
            NameFinder.find(text, spans);
            return spans.isEmpty() ? new Result(text, List.of()) : replace(text, spans);
        }
        // Cheap necessary conditions decide which patterns can match at all (exact, not heuristics).
        int digits = digitCount(text);
        findIban(text, spans);
        if (digits >= 9) {
            for (MatchResult m : matches(PHONE_NL, text, ContactScrubber::plusOrZero)) {
                if (!SERVICE_NUMBER.matcher(m.group()).find()) {
                    add(spans, new Span(m.start(), m.end(), Kind.PHONE));
                }
            }
        }
        if (text.indexOf('(') >= 0) {
            findAt(PHONE_BRACKETS, text, Kind.PHONE, spans, (t, i) -> t.charAt(i) == '(');
        }
        if (digits >= 9) {
            findInternational(text, spans);
            findBsn(text, spans);
        }
        if (digits >= 4) {
            findBirthDates(text, spans);
            for (MatchResult m : matches(POSTCODE, text, ContactScrubber::numberStart)) {
                if (!PO_BOX.matcher(text.substring(Math.max(0, m.start() - 20), m.start())).find()) {
                    add(spans, new Span(m.start(), m.end(), Kind.POSTCODE));
                }
            }
            findLowercasePostcodes(text, spans);
        }
        if (mayHoldAddress(text)) {
            Matcher m = ADDRESS.matcher(text);
            while (m.find()) {
                if (ordinaryWord(m.group())) {
                    continue;
                }
                Matcher tail = HOUSE_NUMBER_TAIL.matcher(text).region(m.end(), text.length());
                add(spans, new Span(m.start(), tail.lookingAt() ? tail.end() : m.end(), Kind.ADDRESS));
            }
        }
        if (digits >= 1) {
            findGroup(ADDRESS_AFTER_CUE, text, Kind.ADDRESS, spans);
        }
        if (digits >= 5) {
            findGroup(ADDRESS_BEFORE_POSTCODE, text, Kind.ADDRESS, spans);
        }
        if (text.indexOf('-') >= 0) {
            findAt(PLATE, text, Kind.LICENCE_PLATE, spans, ContactScrubber::plateStart);
        }
        if (text.toLowerCase(Locale.ROOT).contains("kenteken")) {
            findPlatesAfterLabel(text, spans);
        }
        // Names last: a name that runs into an address or phone number found above is cut off before it.
        NameFinder.find(text, spans);
        return spans.isEmpty() ? new Result(text, List.of()) : replace(text, spans);
    }

    private static Result replace(String text, List<Span> spans) {
        spans.removeIf(span -> span.kind() == Kind.KEEP);
        spans.sort(Comparator.comparingInt(Span::start));
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Span span : spans) {
            out.append(text, at, span.start()).append(span.kind().placeholder());
            at = span.end();
        }
        out.append(text, at, text.length());
        return new Result(out.toString(), List.copyOf(spans));
    }

    private static void findEmails(String text, List<Span> spans) {
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            if (!ROLE_MAILBOX.matcher(m.group()).find()) {
                add(spans, new Span(m.start(), m.end(), Kind.EMAIL));
            }
        }
    }

    private static void findLowercasePostcodes(String text, List<Span> spans) {
        for (MatchResult m : matches(POSTCODE_LOWER, text, ContactScrubber::numberStart)) {
            String letters = m.group().substring(m.group().length() - 2).toLowerCase(Locale.ROOT);
            String before = text.substring(Math.max(0, m.start() - 30), m.start());
            String after = text.substring(m.end(), Math.min(text.length(), m.end() + 20));
            boolean labelled = POSTCODE_LABEL.matcher(before).find();
            boolean placed = !NOT_POSTCODE.contains(letters)
                    && (AFTER_ADDRESS.matcher(before).find() || BEFORE_PLACE.matcher(after).find());
            if ((labelled || placed) && !PO_BOX.matcher(before).find()) {
                add(spans, new Span(m.start(), m.end(), Kind.POSTCODE));
            }
        }
    }

    private static void findGroup(Pattern pattern, String text, Kind kind, List<Span> spans) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            add(spans, new Span(m.start(1), m.end(1), kind));
        }
    }

    /** Suffixes that end many ordinary words too (storing, bederf, geweld); a street name with them is capitalised. */
    private static final List<String> WEAK_SUFFIXES = List.of("ring", "erf", "veld", "hof", "pad", "wal", "baan",
            "park", "markt", "oord", "hoek", "zijde", "kant", "weide", "dam", "haven", "steeg", "dreef", "plantsoen",
            "allee", "boulevard", "burgwal");

    /** An address find whose street word is lowercase and ends in a weak suffix ("storing 088"): no address. */
    private static boolean ordinaryWord(String address) {
        String street = address.replaceAll("\\s\\d.*$", "");
        String last = street.substring(street.lastIndexOf(' ') + 1);
        return !last.isEmpty() && Character.isLowerCase(last.charAt(0)) && !street.matches(".*\\p{Lu}.*")
                && WEAK_SUFFIXES.stream().anyMatch(last::endsWith)
                && List.of("straat", "laan", "weg", "plein", "gracht", "kade", "dijk", "singel").stream()
                        .noneMatch(last::endsWith);
    }

    private static boolean mayHoldEmail(String text) {
        return text.indexOf('@') >= 0 || text.contains("(at)") || text.contains("[at]");
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static int digitCount(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    /** The scrubbed text only. */
    public String clean(String text) {
        return scrub(text).text();
    }

    /**
     * Like {@link #find}, but tries the pattern only where a match can start. Java's regex engine tries every
     * position, which made these patterns most of the cost of taking in a signal; the predicates below are necessary
     * conditions of each pattern's first character, so the finds are exactly those of {@code Matcher.find()}.
     */
    private static void findAt(Pattern pattern, String text, Kind kind, List<Span> spans, StartCandidate start) {
        for (MatchResult m : matches(pattern, text, start)) {
            add(spans, new Span(m.start(), m.end(), kind));
        }
    }

    @FunctionalInterface
    interface StartCandidate {
        boolean test(String text, int at);
    }

    /** The matches {@code Matcher.find()} would give, tried only at candidate positions; lookbehinds see the text. */
    static List<MatchResult> matches(Pattern pattern, String text, StartCandidate start) {
        Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        List<MatchResult> out = new ArrayList<>(2);
        int i = 0;
        while (i < text.length()) {
            if (start.test(text, i)) {
                m.region(i, text.length());
                if (m.lookingAt()) {
                    out.add(m.toMatchResult());
                    i = Math.max(m.end(), i + 1);
                    continue;
                }
            }
            i++;
        }
        return out;
    }

    private static boolean plusOrZero(String text, int i) {
        char c = text.charAt(i);
        return c == '+' || c == '0';
    }

    /** The first digit of a run of digits. */
    private static boolean numberStart(String text, int i) {
        return Character.isDigit(text.charAt(i)) && (i == 0 || !Character.isDigit(text.charAt(i - 1)));
    }

    /** A letter or digit with a dash at most three characters on: every sidecode has its first dash there. */
    private static boolean plateStart(String text, int i) {
        if (!Character.isLetterOrDigit(text.charAt(i))) {
            return false;
        }
        int dash = text.indexOf('-', i);
        return dash > i && dash <= i + 3;
    }

    /** A word ending in an address suffix, then whitespace and a digit. */
    private static boolean mayHoldAddress(String text) {
        for (int i = 1; i + 1 < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i)) && Character.isDigit(text.charAt(i + 1))) {
                for (String suffix : ADDRESS_SUFFIXES) {
                    if (text.startsWith(suffix, i - suffix.length())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static void find(Pattern pattern, String text, Kind kind, List<Span> spans) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            add(spans, new Span(m.start(), m.end(), kind));
        }
    }

    private static void findIban(String text, List<Span> spans) {
        Matcher m = IBAN.matcher(text);
        while (m.find()) {
            // The pattern may take a following word ("... 9752 is"): drop trailing groups until the checksum fits.
            String[] groups = m.group().split("(?<=[\\s.])");
            for (int n = groups.length; n >= 1; n--) {
                String candidate = String.join("", java.util.Arrays.copyOf(groups, n));
                String compact = candidate.replaceAll("[\\s.]", "").toUpperCase(Locale.ROOT);
                boolean dutchShape = compact.matches("NL\\d{2}[A-Z]{4}\\d{10}");
                if (compact.startsWith("BNGH", 4)) {
                    // BNG Bank: accounts of municipalities and other public bodies, not of residents.
                    add(spans, new Span(m.start(), trimEnd(text, m.start(), m.start() + candidate.length()), Kind.KEEP));
                    break;
                }
                if (compact.length() >= 15 && compact.length() <= 34 && (dutchShape || mod97(compact))) {
                    add(spans, new Span(m.start(), trimEnd(text, m.start(), m.start() + candidate.length()), Kind.IBAN));
                    break;
                }
            }
        }
    }

    private static void findInternational(String text, List<Span> spans) {
        for (MatchResult m : matches(PHONE_INTL, text, ContactScrubber::plusOrZero)) {
            long digits = m.group().chars().filter(Character::isDigit).count();
            if (digits >= 9 && digits <= 15) {
                add(spans, new Span(m.start(), trimEnd(text, m.start(), m.end()), Kind.PHONE));
            }
        }
    }

    private static void findBsn(String text, List<Span> spans) {
        for (MatchResult m : matches(NINE_DIGITS, text, ContactScrubber::numberStart)) {
            String digits = m.group().replaceAll("\\D", "");
            String before = text.substring(Math.max(0, m.start() - 40), m.start());
            boolean labelled = BSN_CONTEXT.matcher(before).find();
            boolean reference = REFERENCE_CONTEXT.matcher(before).find();
            // A mistyped BSN after "BSN" is still someone's number; an unlabelled one must pass the 11-proef.
            if (labelled || (!reference && elevenProof(digits))) {
                add(spans, new Span(m.start(), m.end(), Kind.BSN));
            }
        }
    }

    private static void findBirthDates(String text, List<Span> spans) {
        for (MatchResult m : matches(DATE, text, ContactScrubber::numberStart)) {
            String before = text.substring(Math.max(0, m.start() - 40), m.start());
            String after = text.substring(m.end(), Math.min(text.length(), m.end() + 12));
            if (BIRTH_CONTEXT.matcher(before).find() || BIRTH_AFTER.matcher(after).find() || longAgo(m.group())) {
                add(spans, new Span(m.start(), m.end(), Kind.BIRTH_DATE));
            }
        }
    }

    private static boolean longAgo(String date) {
        Matcher year = YEAR.matcher(date);
        if (!year.find()) {
            return false;
        }
        if (year.group(1) == null) {
            return false; // two-digit years are too ambiguous
        }
        return Integer.parseInt(year.group(1)) <= java.time.Year.now().getValue() - BIRTH_YEARS_BACK;
    }

    private static void findPlatesAfterLabel(String text, List<Span> spans) {
        Matcher m = PLATE_NO_DASHES.matcher(text);
        while (m.find()) {
            String value = m.group();
            boolean mixed = value.chars().anyMatch(Character::isDigit) && value.chars().anyMatch(Character::isLetter);
            if (mixed && PLATE_CONTEXT.matcher(text.substring(Math.max(0, m.start() - 20), m.start())).find()) {
                add(spans, new Span(m.start(), m.end(), Kind.LICENCE_PLATE));
            }
        }
    }

    /** 9 digits where 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (and not all zeros). */
    static boolean elevenProof(String digits) {
        if (digits.length() != 9 || digits.chars().allMatch(c -> c == '0')) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (digits.charAt(i) - '0');
        }
        sum -= digits.charAt(8) - '0';
        return sum % 11 == 0;
    }

    /** ISO 13616: move the first four characters to the end, letters to numbers, the whole mod 97 must be 1. */
    static boolean mod97(String iban) {
        if (!iban.matches("[A-Z]{2}\\d{2}[A-Z0-9]+")) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder numeric = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    private static int trimEnd(String text, int start, int end) {
        while (end > start && !Character.isLetterOrDigit(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** Earlier kinds win where finds overlap (an e-mail address holding digits stays one e-mail address). */
    static void add(List<Span> spans, Span span) {
        for (Span existing : spans) {
            if (span.start() < existing.end() && existing.start() < span.end()) {
                return;
            }
        }
        spans.add(span);
    }
}
