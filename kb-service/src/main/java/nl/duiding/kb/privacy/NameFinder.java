package nl.duiding.kb.privacy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal names where Dutch contact text announces one: after a form of address or title (dhr., mevrouw
 * De Vries, de heer P.J. van der Linden), a closing (Met vriendelijke groet, Henk Postma), a self-introduction (mijn
 * naam is, Ondergetekende, t.n.v., the sovereign "Ik, Johannes, uit de familie Verbeek"), a relation or role (mijn
 * zoon Daan, buurman Jansen, consulent Lisa Meijer), a conversation (gesproken met Marco), a greeting (Beste Sanne,)
 * and, after weak words such as "door" or "namens", a full name only. A name without any such cue is not found:
 * telling "Erik Smit" from "Klaus Schwab" or "Den Haag" needs a name list or a model, not a pattern. Figures per
 * labelled set: docs/privacy-scrubber.md.
 */
final class NameFinder {

    private static final String PARTICLE = "(?i:van|de|der|den|het|'t|’t|ter|ten|te|in|op|el|al|la|le|du|da|dos|"
            + "von|bin|ben|v\\.d\\.|vd)";
    /** A capitalised word, with hyphenated parts (Tjoe-A-Loi, Postma-Veenstra); never part of a word (DigiD). */
    private static final String CAPITALISED = "\\p{Lu}[\\p{Ll}'’]+(?:-\\p{Lu}[\\p{Ll}'’]*)*(?![\\p{L}\\d])";
    private static final String INITIALS = "(?:\\p{Lu}\\.\\s?){1,4}";
    private static final String NEXT_PART = "(?:-|\\s+)(?:" + PARTICLE + "[\\s-]+)*" + CAPITALISED;
    /** Initials, particles and up to three capitalised parts, joined by spaces or hyphens (Bakker-de Groot). */
    private static final String NAME = "(?:" + INITIALS + "\\s*)?(?:" + PARTICLE + "\\s+)*" + CAPITALISED
            + "(?:" + NEXT_PART + "){0,2}";
    /** A name in capitals, as typed in a hurry or as sovereign letters write the "strawman" (GERRIT BOSMAN). */
    private static final String CAPITALS = "\\p{Lu}{2,}(?:[\\s-]+\\p{Lu}{2,}){0,3}(?![\\p{L}\\d])";
    /** After a weak cue (door, voor, namens) only a full name counts: initials and a surname, or two parts. */
    private static final String FULL_NAME = "(?:" + INITIALS + "\\s*(?:" + PARTICLE + "\\s+)*" + CAPITALISED
            + "(?:" + NEXT_PART + "){0,2}|" + CAPITALISED + "\\s+(?:" + PARTICLE + "[\\s-]+)*" + CAPITALISED + "(?:"
            + NEXT_PART + ")?)";
    /** After "mijn naam is", "ik heet" or a greeting a name may be written in lowercase, as in chat. */
    private static final String LOWERCASE_NAME = "\\p{Ll}[\\p{Ll}'’-]+(?:\\s+(?:" + PARTICLE
            + "\\s+)*\\p{Ll}[\\p{Ll}'’-]+)?";
    private static final Pattern WORD = Pattern.compile("[\\p{L}'’.]+");
    private static final Pattern PARTICLE_WORD = Pattern.compile(PARTICLE);

    /** A form of address or title: dhr. Jansen, mevrouw De Vries, de heer P.J. van der Linden. */
    private static final Cue TITLE = Cue.of(List.of("dhr", "mevr", "mvr", "mw", "mv", "mej", "meneer", "mevrouw",
            "juffrouw", "de heer", "heer", "fam", "familie", "ir", "ing", "drs", "dr", "mr", "prof"), "\\.?\\s+",
            NAME + "|" + CAPITALS, "", After.TITLE);
    /** A closing: Met vriendelijke groet, Henk Postma; Thx, Jesse; groetjes van Giselle. */
    private static final Cue CLOSING = Cue.of(List.of("met vriendelijke groet", "met vriendelijke groeten",
            "vriendelijke groet", "vriendelijke groeten", "hartelijke groet", "hartelijke groeten", "groet", "groeten",
            "groetjes", "hoogachtend", "mvg", "liefs", "thx", "thanks", "bedankt", "dank je wel", "dankjewel",
            "dank u wel", "dank je", "dank u", "dankje", "tnx", "cheers"), "\\s*[,:!]?\\s+(?:van\\s+)?", NAME, "",
            After.OTHER_CUE);
    /** A self-introduction or a name given as such, also the sovereign forms ("Ik, Johannes, uit de familie"). */
    private static final Cue INTRODUCTION = Cue.of(List.of("mijn naam is", "ik heet", "naam:", "ondergetekende",
            "ondergetekende,", "ondergetekenden", "ondergetekenden,", "ik ben", "wij zijn", "ik,", "uit de familie",
            "uit het geslacht", "van de familie", "van het huis", "uit het huis", "huize", "familienaam", "achternaam",
            "voornaam", "levende man", "levende vrouw", "levende mens", "de mens", "t.n.v.", "t.a.v.", "ten name van",
            "ter attentie van", "zich"), "\\s+", NAME, "", After.OTHER_CUE);
    /** A relation or role: mijn zoon Daan, buurman Jansen, consulent Lisa Meijer, de moeder van Jayden. */
    private static final Cue RELATION = Cue.of(List.of("zoon", "zoontje", "dochter", "dochtertje", "kind", "vrouw",
            "man", "moeder", "vader", "ouders", "buurman", "buurvrouw", "buren", "partner", "zus", "broer", "oma",
            "opa", "collega", "kleinzoon", "kleindochter", "schoonmoeder", "schoonvader", "schoonzoon", "schoondochter",
            "zwager", "schoonzus", "neef", "nicht", "vriend", "vriendin", "oom", "tante", "klant", "bewoner",
            "inwoner", "beller", "belster", "klnt", "notitie", "cliënt", "client", "aanvrager", "aanvraagster",
            "melder", "consulent", "medewerker", "medewerkster", "teamleider", "casemanager", "klantmanager",
            "wijkagent", "contactpersoon", "mentor", "begeleider", "huurder", "verhuurder", "eigenaar"),
            "[,:]?\\s+(?:van\\s+)?", NAME, "", After.OTHER_CUE);
    /** Talking to or passing on to someone: gesproken met Marco, doorgezet naar Hanneke. */
    private static final Cue CONVERSATION = Cue.of(List.of("gesproken", "sprak", "spreken", "spreek", "gebeld",
            "bellen", "belde", "doorverbinden", "doorverbonden", "overleg", "overlegd", "contact", "gesprek",
            "doorgezet", "doorgestuurd", "teruggebeld", "terugbellen", "terugbelverzoek", "afspraak", "spreekt",
            "overgenomen", "overgedragen", "doorverwezen", "gemaild", "geappt"),
            "\\s+(?i:ik\\s+|u\\s+)?(?i:met|naar|aan|voor|door)\\s+(?i:een\\s+zekere\\s+|collega\\s+)?", NAME, "",
            After.OTHER_CUE);
    /** A greeting counts only when a comma or the like closes it (Beste Sanne,), not "Beste Gemeente Zwolle". */
    private static final Cue GREETING = Cue.of(List.of("beste", "hoi", "hallo", "hey", "hee", "dag", "lieve",
            "goedemorgen", "goedemiddag", "goedenavond"), "\\s+", NAME, "(?=\\s*[,!:])", After.OTHER_CUE);
    /** Weak cues, common before places and organisations too: only a full name counts after them. */
    private static final Cue WEAK = Cue.of(List.of("namens", "door", "voor", "volgens", "van", "tegen", "bij", "aan",
            "met", "naar", "zegt", "vraagt", "wil", "kan", "is", "heeft"), "\\s+", FULL_NAME, "", After.WEAK_WORD);
    /** After "mijn naam is", "ik heet" or a greeting ("hoi ik ben sanne") a name may be in lowercase, as in chat. */
    private static final Cue LOWERCASE = Cue.of(List.of("mijn naam is", "ik heet", "hoi ik ben", "hoi, ik ben",
            "hallo ik ben", "hallo, ik ben", "hee ik ben", "hey ik ben", "hoi met", "hallo met", "hallo, met",
            "hee met", "goedemorgen met", "goedemorgen, met", "goedemiddag met", "goedemiddag, met",
            "hoi hier is", "hallo hier is"), "\\s+", LOWERCASE_NAME, "", After.CHAT);
    /** The sovereign "strawman": the person's name in capitals after "de PERSOON" (GERRIT BOSMAN). */
    private static final Cue STRAWMAN = Cue.of(List.of("persoon", "de persoon", "naam:"), "\\s+", CAPITALS, "",
            After.OTHER_CUE);
    /** A chat mention: @Noor. */
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\d])@(?<name>" + NAME + ")");
    /** A second name joined to a found one: Wim en Ria Schipper, Ahmed en Samira. */
    private static final Pattern AND_NAME = Pattern.compile("\\G\\s+(?:en|&)\\s+(?<name>" + NAME + ")");

    private static final List<Cue> CUES = List.of(TITLE, CLOSING, INTRODUCTION, RELATION, CONVERSATION, GREETING,
            WEAK, STRAWMAN, LOWERCASE);

    /**
     * Capitalised words that follow such cues without being a name: organisations, departments, offices, places,
     * days, months, holidays, nationalities, pronouns at a sentence's start. A find starting with one is dropped; a
     * find that runs into one ("Sandra van Schuldhulpverlening") ends before it.
     */
    private static final Set<String> NOT_A_NAME = Set.of("team", "gemeente", "afdeling", "stichting", "college",
            "burgerzaken", "belastingen", "klantcontact", "klantcontactcentrum", "griffie", "raad", "een",
            "burgemeester", "wethouder", "wethouders", "medewerker", "medewerkers", "collega", "collega's", "allen",
            "iedereen", "nederlander", "nederlandse", "nederlands", "soeverein", "mens", "persoon", "vereniging",
            "gemeenteraad", "kcc", "ggd", "namens", "uit", "via", "meneer", "mevrouw", "heer", "dhr", "mevr",
            "inwoners", "bewoners", "buren", "ouders", "familie", "dames", "heren", "handhaving", "vergunningen",
            "openbare", "publiekszaken", "schuldhulpverlening", "schuldhulp", "wmo", "jeugd", "werk", "inkomen",
            "financiën", "juridische", "communicatie", "wijkteam", "backoffice", "frontoffice", "loket", "balie",
            "stadsbeheer", "beheer", "afval", "parkeren", "sociaal", "sociale", "zorg", "onderwijs", "ruimte",
            "den", "sint", "mijn", "onze", "uw", "hun", "haar", "zijn", "deze", "die", "dit", "dat", "wij", "ik",
            "u", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "januari",
            "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november",
            "december", "pasen", "kerst", "kerstmis", "pinksteren", "koningsdag", "sinterklaas", "oud", "nieuw",
            "rijksoverheid", "overheid", "belastingdienst", "politie", "provincie", "rijk", "europa", "nederland",
            "duitsland", "holland", "ministerie", "kamer", "tweede", "eerste", "centrum", "station", "ziekenhuis",
            "school", "huis", "woningcorporatie", "corporatie", "digid", "whatsapp", "facebook", "telegram",
            "youtube", "google", "microsoft", "gezondheidsraad", "kiesraad", "rivm", "who", "wef", "eu", "vng",
            "museum", "het");
    /**
     * Public figures that residents name in the claims Duiding handles; the analysts' report needs them, and they are
     * no residents. A find that is one of these full names stays (a surname alone may well be a resident's).
     */
    private static final Set<String> PUBLIC_FIGURES = Set.of("klaus schwab", "bill gates", "melinda gates",
            "george soros", "mark rutte", "hugo de jonge", "ernst kuipers", "jaap van dissel", "diederik gommers",
            "marion koopmans", "ursula von der leyen", "frans timmermans", "greta thunberg", "anthony fauci",
            "tedros ghebreyesus", "geert wilders", "thierry baudet", "dick schoof", "sigrid kaag", "wopke hoekstra",
            "kajsa ollongren", "pieter omtzigt", "caroline van der plas", "rob jetten", "dilan yeşilgöz",
            "dilan yesilgoz", "mona keijzer", "christianne van der wal", "femke halsema", "ahmed aboutaleb",
            "willem-alexander", "donald trump", "joe biden", "vladimir poetin", "elon musk", "mark zuckerberg",
            "yuval noah harari", "rishi sunak", "emmanuel macron", "olaf scholz");

    /**
     * Words of departments and bodies: Omgevingsdienst, Publiekszaken, Jongerenloket, Wijkcentrum, Woonbureau (not
     * -huis: Kamphuis and Nijhuis are surnames).
     */
    private static final Pattern ORGANISATION_WORD = Pattern.compile(
            "\\p{L}*(?:dienst|zaken|beheer|loket|team|centrum|bureau|raad|afdeling|stichting|kantoor|"
            + "bedrijf|instituut|vereniging|fonds|partners|groep|commissie|coördinatie|platform|collectief|netwerk|"
            + "overleg|comité)");
    /** Words that end a lowercase name in chat (ik heet sanne en ...). */
    private static final Set<String> NOT_IN_LOWERCASE_NAME = Set.of("en", "ik", "uit", "maar", "want", "dus", "bel",
            "wil", "woon", "heb", "ben", "met", "over", "omdat", "niet", "is", "nog", "geen", "eigenlijk", "gewoon",
            "hier", "het", "een", "bij", "kan", "mag", "moet", "heeft", "had", "zou", "al", "ook", "u",
            "jullie", "even", "graag", "boos", "bang", "blij", "benieuwd", "op", "aan", "voor", "in", "die", "dat",
            "familie", "huis", "geslacht", "zonder", "verklaar", "verklaart", "erken", "erkent");

    private NameFinder() {
    }

    /** The longest cue ("met vriendelijke groeten, ") and a name's first capital lie within this many characters. */
    private static final int CAPITAL_REACH = 60;
    /** Per first word of a cue, the cues it may start, in the order above. */
    private static final Map<String, List<Cue>> CUES_BY_WORD = cuesByWord();

    private static Map<String, List<Cue>> cuesByWord() {
        Map<String, List<Cue>> byWord = new HashMap<>();
        for (Cue cue : CUES) {
            cue.firstWords().forEach(word -> byWord.computeIfAbsent(word, w -> new ArrayList<>()).add(cue));
        }
        return Map.copyOf(byWord);
    }

    /**
     * Adds a name span for every announced name. The text is read word by word, and a cue's pattern runs only where
     * one of its first words stands: intake scrubs every contact, and most words announce nothing.
     */
    static void find(String text, List<ContactScrubber.Span> spans) {
        Map<Cue, Matcher> matchers = new IdentityHashMap<>();
        int length = text.length();
        int at = 0;
        while (at < length) {
            if (!Character.isLetter(text.charAt(at))) {
                at++;
                continue;
            }
            int wordEnd = at;
            while (wordEnd < length && Character.isLetter(text.charAt(wordEnd))) {
                wordEnd++;
            }
            List<Cue> cues = CUES_BY_WORD.get(text.substring(at, wordEnd).toLowerCase(Locale.ROOT));
            if (cues != null) {
                // Every cue but the chat introduction needs a capital soon after it ("van" before "de gemeente": no).
                boolean capitalFollows = capitalWithin(text, wordEnd, CAPITAL_REACH);
                for (Cue cue : cues) {
                    if (cue.after() != After.CHAT && !capitalFollows) {
                        continue;
                    }
                    Matcher m = matchers.computeIfAbsent(cue, c -> c.pattern().matcher(text));
                    m.region(at, length);
                    if (!m.lookingAt()) {
                        continue;
                    }
                    if (cue.after() == After.CHAT) {
                        addLowercase(text, m, spans);
                    } else {
                        addWithFollowers(text, m.start("name"), m.end("name"), cue.after(), spans);
                    }
                }
            }
            at = wordEnd;
        }
        if (text.indexOf('@') >= 0) {
            for (MatchResult m : ContactScrubber.matches(MENTION, text, (t, i) -> t.charAt(i) == '@')) {
                addWithFollowers(text, m.start("name"), m.end("name"), After.OTHER_CUE, spans);
            }
        }
    }

    private static boolean capitalWithin(String text, int from, int reach) {
        int end = Math.min(text.length(), from + reach);
        for (int i = from; i < end; i++) {
            if (Character.isUpperCase(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** A lowercase name ends at the first word that is no part of one (ik heet sanne de wit en ...). */
    private static void addLowercase(String text, Matcher m, List<ContactScrubber.Span> spans) {
        // "op mijn naam is gezet": a phrase, not an introduction.
        if (m.start() >= 3 && text.regionMatches(true, m.start() - 3, "op ", 0, 3)) {
            return;
        }
        int end = m.start("name");
        int at = m.start("name");
        for (String word : m.group("name").split("\\s+")) {
            if (NOT_IN_LOWERCASE_NAME.contains(word)) {
                break;
            }
            at = text.indexOf(word, at) + word.length();
            if (!isParticle(word)) {
                end = at;
            }
        }
        add(text, m.start("name"), end, After.CHAT, spans);
    }

    private static void addWithFollowers(String text, int start, int end, After after,
            List<ContactScrubber.Span> spans) {
        int at = add(text, start, end, after, spans);
        Matcher and = AND_NAME.matcher(text);
        while (at > 0 && and.find(at)) {
            at = add(text, and.start("name"), and.end("name"), After.OTHER_CUE, spans);
        }
    }

    /** What announced a find, which decides what may count as a name. */
    private enum After {
        /** dhr., mevrouw: the one cue after which a name may start with a lowercase particle (mevr. van Dijk). */
        TITLE,
        /** door, voor, namens: only a full name, not starting with a particle ("naar Het Juridisch Loket"). */
        WEAK_WORD,
        /** Every other cue: a capitalised name ("bewoner van de Polderwijk", "zich in Nederland" are none). */
        OTHER_CUE,
        /** mijn naam is, hoi ik ben: a name in lowercase, as in chat. */
        CHAT
    }

    /**
     * The words that announce a name, the pattern that reads cue and name from where the first one starts, and what
     * kind of cue it is.
     */
    private record Cue(Pattern pattern, Set<String> firstWords, After after) {

        static Cue of(List<String> phrases, String between, String name, String lookahead, After after) {
            String alternatives = phrases.stream()
                    .sorted(Comparator.comparingInt(String::length).reversed())
                    .map(phrase -> Arrays.stream(phrase.split(" ")).map(Pattern::quote)
                            .collect(Collectors.joining("\\s+")))
                    .collect(Collectors.joining("|"));
            Set<String> first = phrases.stream().map(Cue::leadingLetters).collect(Collectors.toSet());
            return new Cue(Pattern.compile("(?i:" + alternatives + ")" + between + "(?<name>" + name + ")" + lookahead),
                    first, after);
        }

        private static String leadingLetters(String phrase) {
            int end = 0;
            while (end < phrase.length() && Character.isLetter(phrase.charAt(end))) {
                end++;
            }
            return phrase.substring(0, end).toLowerCase(Locale.ROOT);
        }
    }

    /** Adds the name in {@code [start, end)} unless it is none; returns where the added name ends, or -1. */
    private static int add(String text, int start, int end, After after, List<ContactScrubber.Span> spans) {
        // A name that runs into something found before it (Henk Postma Hoofdstraat 134) ends where that starts.
        for (ContactScrubber.Span existing : spans) {
            if (existing.start() > start && existing.start() < end) {
                end = existing.start();
            }
        }
        end = endBeforeOrdinaryWord(text, start, end);
        while (end > start && !Character.isLetter(text.charAt(end - 1))) {
            end--;
        }
        // Cut short, "buurvrouw op Stationsplein 106" leaves only the particle: no name.
        boolean capitalised = after != After.CHAT;
        if (end <= start || (capitalised && !hasCapital(text.substring(start, end)))
                || (capitalised && after != After.TITLE && Character.isLowerCase(text.charAt(start)))) {
            return -1;
        }
        String name = text.substring(start, end).toLowerCase(Locale.ROOT);
        String[] words = name.split("[\\s-]+");
        String first = words[0];
        String core = Arrays.stream(words).filter(w -> !isParticle(w)).findFirst().orElse(first);
        if (isOrdinary(first) || isOrdinary(core) || PUBLIC_FIGURES.contains(name)
                || (after == After.WEAK_WORD && (isParticle(first) || !stillFull(text, start, end, words)))) {
            return -1;
        }
        int before = spans.size();
        ContactScrubber.add(spans, new ContactScrubber.Span(start, end, ContactScrubber.Kind.NAME));
        return spans.size() > before ? end : -1;
    }

    /**
     * A full name cut short is none ("het Van Gogh Museum" → "Gogh"): initials, or two real words, must remain — or a
     * department after "van" was what cut it ("volgens Geert van Vergunningen": a colleague).
     */
    private static boolean stillFull(String text, int start, int end, String[] words) {
        return Character.isUpperCase(text.charAt(start)) && (text.startsWith(".", start + 1)
                || Arrays.stream(words).filter(w -> !isParticle(w)).count() >= 2
                || text.regionMatches(true, end, " van ", 0, 5));
    }

    private static boolean hasCapital(String text) {
        return text.chars().anyMatch(c -> Character.getType(c) == Character.UPPERCASE_LETTER);
    }

    private static boolean isParticle(String word) {
        return PARTICLE_WORD.matcher(word).matches();
    }

    private static boolean isOrdinary(String word) {
        return NOT_A_NAME.contains(word) || ORGANISATION_WORD.matcher(word).matches();
    }

    /** "Sandra van Schuldhulpverlening": the name ends before the particles that lead to a department or place. */
    private static int endBeforeOrdinaryWord(String text, int start, int end) {
        Matcher word = WORD.matcher(text).region(start, end);
        int lastNameEnd = -1;
        boolean firstWord = true;
        while (word.find()) {
            String w = word.group().toLowerCase(Locale.ROOT);
            if (!firstWord && isOrdinary(w)) {
                return lastNameEnd < 0 ? end : lastNameEnd;
            }
            if (!isParticle(w)) {
                lastNameEnd = word.end();
            }
            firstWord = false;
        }
        return end;
    }
}
