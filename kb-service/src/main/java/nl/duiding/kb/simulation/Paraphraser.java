package nl.duiding.kb.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Writes one resident's own wording of an ordinary question, so that a frequent question looks in the stream as it
 * does at a real KCC: hundreds of grofvuil questions a day, hardly two alike. It combines, each step drawn from the
 * one seeded {@link Random}:
 * <ul>
 * <li>the question itself, sometimes with a second one of the same topic;</li>
 * <li>everyday substitutions (wanneer / wnr / hoe laat, ophalen / komen halen, gemeente / jullie, …);</li>
 * <li>word order: the clauses around a comma or "en" swapped, or the tail put in front as people say it;</li>
 * <li>a context sentence with slot fillers (how long someone lives there, who called before, when they can be
 * reached), before or after the question;</li>
 * <li>the resident's style: chat (lowercase, no punctuation, abbreviations), agent note (mevr./dhr, third person,
 * ivm), e-mail (greeting and closing) or spoken (ja hallo, eh);</li>
 * <li>dropped words and typos.</li>
 * </ul>
 */
final class Paraphraser {

    enum Style { CHAT, NOTE, EMAIL, SPOKEN }

    private static final int LONG = 30;

    private static final Map<String, String[]> SUBSTITUTES = Map.ofEntries(
            Map.entry("wanneer", new String[] {"wanneer", "wnr", "hoe laat", "op welke dag", "vanaf wanneer"}),
            Map.entry("ophalen", new String[] {"ophalen", "komen halen", "meenemen", "op laten halen"}),
            Map.entry("opgehaald", new String[] {"opgehaald", "meegenomen", "weggehaald", "geleegd"}),
            Map.entry("gemeente", new String[] {"gemeente", "jullie", "het gemeentehuis", "de gemeente hier"}),
            Map.entry("kan", new String[] {"kan", "mag", "kun", "zou"}),
            Map.entry("kunnen", new String[] {"kunnen", "mogen", "moeten"}),
            Map.entry("graag", new String[] {"graag", "heel graag", "eigenlijk", "liefst"}),
            Map.entry("vandaag", new String[] {"vandaag", "vanochtend", "vanmiddag", "deze week"}),
            Map.entry("gisteren", new String[] {"gisteren", "eergisteren", "afgelopen weekend", "vorige week"}),
            Map.entry("kosten", new String[] {"kosten", "prijs", "tarief", "bedrag"}),
            Map.entry("kost", new String[] {"kost", "betaal ik voor", "is de prijs van"}),
            Map.entry("aanvragen", new String[] {"aanvragen", "regelen", "krijgen", "ophalen", "vragen"}),
            Map.entry("melden", new String[] {"melden", "doorgeven", "opgeven", "laten weten"}),
            Map.entry("afspraak", new String[] {"afspraak", "afspraakje", "tijdslot", "datum"}),
            Map.entry("nieuwe", new String[] {"nieuwe", "andere", "vervangende"}),
            Map.entry("hoe", new String[] {"hoe", "op welke manier", "hoe moet ik"}),
            Map.entry("waar", new String[] {"waar", "bij wie", "waar precies"}),
            Map.entry("nog", new String[] {"nog", "nog steeds", "alsnog", "nog altijd"}),
            Map.entry("niet", new String[] {"niet", "nog niet", "helemaal niet", "nooit"}),
            Map.entry("weten", new String[] {"weten", "vragen", "horen", "navragen"}),
            Map.entry("buiten", new String[] {"buiten", "aan de straat", "op de stoep", "voor de deur"}),
            Map.entry("straat", new String[] {"straat", "buurt", "wijk", "flat", "galerij"}),
            Map.entry("kapot", new String[] {"kapot", "stuk", "defect", "gebroken"}),
            Map.entry("snel", new String[] {"snel", "vlug", "zo snel mogelijk", "binnenkort"}),
            Map.entry("week", new String[] {"week", "weken", "paar dagen", "maand"}),
            Map.entry("moet", new String[] {"moet", "hoef", "dien", "zou moeten"}),
            Map.entry("formulier", new String[] {"formulier", "aanvraagformulier", "formulier op de site"}),
            Map.entry("website", new String[] {"website", "site", "internet", "digid-omgeving"}),
            Map.entry("bellen", new String[] {"bellen", "terugbellen", "contact opnemen", "mailen"}),
            Map.entry("paspoort", new String[] {"paspoort", "pas", "reisdocument"}),
            Map.entry("container", new String[] {"container", "bak", "kliko", "afvalbak"}),
            Map.entry("vergunning", new String[] {"vergunning", "omgevingsvergunning", "toestemming"}));

    private static final String[] CONTEXT = {
            "Ik woon sinds {n} {periode} in {wijk}.", "Het gaat om {wie}.",
            "Ik heb {wanneer} ook al {gebeld} maar niks meer gehoord.", "Mijn {wie2} vroeg het ook al.",
            "Het is nogal dringend want {reden}.", "Overdag werk ik, bellen kan na {uur} uur.",
            "Op de site kon ik het niet vinden.", "Ik ben {n} weken geleden verhuisd.", "{wanneer} stond er niks over in de krant.",
            "Buren zeggen iets anders.", "Ik snap de brief niet goed.", "Mijn {wie2} regelt dit normaal.",
            "Het gaat om ons huis in {wijk}.", "Vorig jaar ging dat anders.", "Ik ben slecht ter been.",
            "We zijn met {n} personen thuis.", "Het nummer van de brief heb ik niet bij de hand.",
            "Er stond {n} dagen geleden iets over op facebook.", "Ik heb de app geprobeerd maar die doet het niet."};
    private static final String[] PERIODE = {"maanden", "jaar", "weken"};
    private static final String[] WIJK = {"de binnenstad", "Noord", "het centrum", "de nieuwbouwwijk", "Oost",
            "het dorp", "de Vogelbuurt", "Zuid", "West", "de Bloemenbuurt", "het buitengebied", "de Schilderswijk"};
    private static final String[] WIE = {"mijn moeder", "mijn vader", "onze buurvrouw", "mijn zoon", "mijn dochter",
            "ons eigen huis", "de huurwoning", "mijn schoonmoeder", "een kennis", "mezelf"};
    private static final String[] WIE2 = {"buurman", "zus", "man", "vrouw", "zoon", "dochter", "vriendin", "collega"};
    private static final String[] WANNEER = {"vorige week", "gisteren", "vanochtend", "twee weken geleden",
            "maandag", "vrijdag"};
    private static final String[] GEBELD = {"gebeld", "gemaild", "een formulier ingevuld", "gechat"};
    private static final String[] REDEN = {"we gaan op vakantie", "de verhuizing is volgende week",
            "het ligt al dagen buiten", "de termijn loopt af", "mijn moeder is ziek", "ik moet het voor vrijdag weten"};
    private static final String[] CHAT_ABBREVIATIONS = {"ff", "mn", "zn", "ivm", "idd", "nvm", "aub", "pls"};
    private static final String[] NOTE_OPENERS = {"Mevr. belt ivm", "Dhr belt over", "Inwoner vraagt:", "Beller wil weten:",
            "Mw vraagt", "Dhr. informeert naar", "Klant belt:", "Mevr vraagt na:", "Terugbelverzoek:", "Inw. meldt:"};
    private static final String[] EMAIL_OPENERS = {"Geachte heer/mevrouw,", "Beste gemeente,", "Goedendag,", "Hallo,",
            "Beste meneer/mevrouw,", "Geachte medewerker,", "Goedemorgen,", "Beste,"};
    private static final String[] EMAIL_CLOSERS = {"Met vriendelijke groet,", "Alvast bedankt.", "Groet,",
            "Hoogachtend,", "Mvg", "Bedankt voor uw moeite.", "Ik hoor graag van u."};
    private static final String[] SPOKEN_OPENERS = {"ja hallo,", "ja goedemorgen,", "goedemiddag,", "hallo met mij,",
            "ja dag,", "eh ja hoi,", "ja goeiemiddag,", "hallo, ik bel even"};
    private static final String[] FILLERS = {"eh", "even", "nou", "dus", "ehm", "zeg maar", "gewoon"};
    private static final String[] NAMES = {"Karin", "Ahmed", "Wim", "Fatma", "J. de Vries", "P. Bakker", "Noor",
            "Gerrit", "Sanne", "Mohamed", "Els", "K. Jansen", "Yusuf", "Linda", "Marco", "Ingrid", "Bram", "Aylin",
            "Ria", "Dennis", "Priya", "Tom", "Joke", "Stefan", "Hatice", "Ruud"};

    private Paraphraser() {
    }

    /** The resident's habitual style, from the resident's number (the same resident always writes alike). */
    static Style styleOf(int resident, String channel) {
        if (channel.equals("chat")) {
            return resident % 3 == 0 ? Style.EMAIL : Style.CHAT;
        }
        if (channel.equals("telefoon") || channel.equals("balie")) {
            return resident % 2 == 0 ? Style.NOTE : Style.SPOKEN;
        }
        return resident % 4 == 0 ? Style.CHAT : Style.EMAIL;
    }

    /** One contact text about {@code question}, possibly joined by {@code second} of the same topic. */
    static String paraphrase(String question, String second, Style style, Random rnd) {
        String body = substitute(gist(question, rnd), rnd);
        body = reorder(body, rnd);
        if (second != null && rnd.nextDouble() < 0.3) {
            body = body + (rnd.nextBoolean() ? " En " : " Verder: ") + substitute(lowerFirst(gist(second, rnd)), rnd);
        }
        if (rnd.nextDouble() < 0.6) {
            String context = fill(CONTEXT[rnd.nextInt(CONTEXT.length)], rnd);
            body = rnd.nextBoolean() ? context + " " + body : body + " " + context;
        }
        if (rnd.nextDouble() < 0.25) {
            body = body + " " + fill(CONTEXT[rnd.nextInt(CONTEXT.length)], rnd);
        }
        String styled = switch (style) {
            case CHAT -> chat(body, rnd);
            case NOTE -> note(body, rnd);
            case EMAIL -> email(body, rnd);
            case SPOKEN -> spoken(body, rnd);
        };
        return typos(dropWords(styled, rnd, 0.06), rnd, rnd.nextInt(4));
    }

    /**
     * A long question (a resident's whole story) is not asked word for word by many residents: what recurs is its
     * gist. Of a question over {@value #LONG} words a contact keeps a stretch of 8 to 20 words, as an agent's note or
     * a short chat would.
     */
    private static String gist(String question, Random rnd) {
        String[] words = question.split(" ");
        if (words.length <= LONG) {
            return question;
        }
        int length = 8 + rnd.nextInt(13);
        int from = rnd.nextInt(words.length - length + 1);
        return upperFirst(String.join(" ", List.of(words).subList(from, from + length)));
    }

    private static String substitute(String text, Random rnd) {
        String[] words = text.split(" ");
        for (int i = 0; i < words.length; i++) {
            String[] options = SUBSTITUTES.get(words[i].toLowerCase(Locale.ROOT));
            if (options != null && rnd.nextDouble() < 0.7) {
                words[i] = options[rnd.nextInt(options.length)];
            }
        }
        return String.join(" ", words);
    }

    /** Clauses swapped around a comma or "en", or the last words put in front ("bij ons in de straat, wanneer …"). */
    private static String reorder(String text, Random rnd) {
        double x = rnd.nextDouble();
        int comma = text.indexOf(", ");
        if (x < 0.3 && comma > 0 && comma < text.length() - 3) {
            String a = text.substring(0, comma);
            String b = text.substring(comma + 2);
            return upperFirst(stripEnd(b)) + ", " + lowerFirst(a) + endOf(text);
        }
        String[] words = text.split(" ");
        if (x < 0.55 && words.length > 7) {
            int k = 2 + rnd.nextInt(3);
            List<String> tail = List.of(words).subList(words.length - k, words.length);
            List<String> head = List.of(words).subList(0, words.length - k);
            return upperFirst(stripEnd(String.join(" ", tail))) + ", " + lowerFirst(String.join(" ", head));
        }
        return text;
    }

    private static String fill(String template, Random rnd) {
        return template.replace("{n}", String.valueOf(2 + rnd.nextInt(11)))
                .replace("{periode}", PERIODE[rnd.nextInt(PERIODE.length)])
                .replace("{wijk}", WIJK[rnd.nextInt(WIJK.length)])
                .replace("{wie}", WIE[rnd.nextInt(WIE.length)])
                .replace("{wie2}", WIE2[rnd.nextInt(WIE2.length)])
                .replace("{wanneer}", WANNEER[rnd.nextInt(WANNEER.length)])
                .replace("{gebeld}", GEBELD[rnd.nextInt(GEBELD.length)])
                .replace("{reden}", REDEN[rnd.nextInt(REDEN.length)])
                .replace("{uur}", String.valueOf(16 + rnd.nextInt(4)));
    }

    private static String chat(String body, Random rnd) {
        String text = body.toLowerCase(Locale.ROOT).replaceAll("[.,?!:]", "");
        List<String> words = new ArrayList<>(List.of(text.split(" ")));
        if (rnd.nextDouble() < 0.5) {
            words.add(rnd.nextInt(words.size() + 1), CHAT_ABBREVIATIONS[rnd.nextInt(CHAT_ABBREVIATIONS.length)]);
        }
        String opener = rnd.nextDouble() < 0.4 ? (rnd.nextBoolean() ? "hoi " : "hallo ") : "";
        return opener + String.join(" ", words) + (rnd.nextDouble() < 0.3 ? "??" : "");
    }

    private static String note(String body, Random rnd) {
        String text = body.replace("Ik ", "").replace(" ik ", " ").replace(" mijn ", " haar ").replace("Mijn ", "");
        return NOTE_OPENERS[rnd.nextInt(NOTE_OPENERS.length)] + " " + lowerFirst(text)
                + (rnd.nextDouble() < 0.3 ? " Teruggebeld gewenst." : "");
    }

    private static String email(String body, Random rnd) {
        return EMAIL_OPENERS[rnd.nextInt(EMAIL_OPENERS.length)] + " " + upperFirst(body) + " "
                + EMAIL_CLOSERS[rnd.nextInt(EMAIL_CLOSERS.length)]
                + (rnd.nextBoolean() ? " " + NAMES[rnd.nextInt(NAMES.length)] : "");
    }

    private static String spoken(String body, Random rnd) {
        List<String> words = new ArrayList<>(List.of(lowerFirst(body).split(" ")));
        int fillers = rnd.nextInt(3);
        for (int i = 0; i < fillers; i++) {
            words.add(rnd.nextInt(words.size() + 1), FILLERS[rnd.nextInt(FILLERS.length)]);
        }
        return SPOKEN_OPENERS[rnd.nextInt(SPOKEN_OPENERS.length)] + " " + String.join(" ", words);
    }

    static String dropWords(String text, Random rnd, double p) {
        StringBuilder out = new StringBuilder();
        for (String word : text.split(" ")) {
            if (rnd.nextDouble() >= p || word.contains("{")) {
                out.append(out.isEmpty() ? "" : " ").append(word);
            }
        }
        return out.toString();
    }

    /** Swaps two neighbouring letters {@code n} times. */
    static String typos(String text, Random rnd, int n) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < n && chars.length > 3; i++) {
            int at = 1 + rnd.nextInt(chars.length - 2);
            if (Character.isLetter(chars[at]) && Character.isLetter(chars[at + 1])) {
                char c = chars[at];
                chars[at] = chars[at + 1];
                chars[at + 1] = c;
            }
        }
        return new String(chars);
    }

    private static String stripEnd(String s) {
        return s.replaceAll("[.?!]+$", "");
    }

    private static String endOf(String s) {
        return s.endsWith("?") ? "?" : s.endsWith(".") ? "." : "";
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String upperFirst(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
