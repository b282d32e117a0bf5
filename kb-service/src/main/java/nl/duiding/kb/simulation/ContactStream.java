package nl.duiding.kb.simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A seeded, reproducible stream of KCC contacts for one municipality over some days, with what was injected.
 *
 * <ul>
 * <li><b>Background</b>: ordinary KCC questions (content/analysis/ordinary-questions.txt, ~150 topics). Topics are
 * drawn with Zipf-like weights (a seeded order; the most frequent topic gets about 8% of all contacts, as grofvuil
 * does at a real KCC), and every contact is the resident's own wording ({@link Paraphraser}: substitutions, word
 * order, a context sentence with slot fillers, a second question of the topic, the resident's style, typos). So a
 * frequent question is frequent, but not a group of near-identical texts.</li>
 * <li><b>Narrative contacts</b>: trigger phrasings of the narratives (content/narratives), worded the same way;
 * matched to their slug by the sidebar with probability 0.7, confirmed by the agent with 0.4.</li>
 * <li><b>Campaigns</b>: a template letter (greeting, two or three phrasings of one narrative, a demand, a
 * signature with name and address) or a scripted call (one long phrasing plus "dat staat in de groepsapp"); each
 * of its 30–150 contacts has its own name and address, 0–3 typos, an occasional dropped word or personal sentence;
 * mostly distinct residents; it starts at a random hour and spreads over 2–10 hours.</li>
 * <li><b>Decoys</b>: small near-identical groups (8–15 contacts) that are no campaign.</li>
 * <li><b>Repeat callers</b>: one resident contacting 8–30 times in a day about the same thing.</li>
 * </ul>
 * Every random choice comes from one {@link Random} with the given seed, in a fixed order, so a seed always gives
 * the same stream.
 */
public final class ContactStream {

    /** One generated contact, as the connector would send it. */
    public record Contact(String externalId, Instant occurredAt, String channel, String text, String residentHash,
            List<String> matchedSlugs, List<String> confirmedSlugs, String kind, int group) {

        /** The contact as one item of {@code POST /api/v1/signals}. */
        public Map<String, Object> asSignal(String source, String tenant) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("source", source);
            item.put("externalId", externalId);
            item.put("tenant", tenant);
            item.put("channel", channel);
            item.put("occurredAt", occurredAt.toString());
            item.put("text", text);
            item.put("residentHash", residentHash);
            item.put("matchedSlugs", matchedSlugs);
            item.put("confirmedSlugs", confirmedSlugs);
            return item;
        }
    }

    /** What was injected: a campaign, decoy or repeat caller (group number), with its template text. */
    public record Injected(int group, String kind, String template, String slug) {
    }

    public record Stream2(List<Contact> contacts, List<Injected> injected) {
    }

    /**
     * @param backgroundPerDay  ordinary contacts per day (weekdays; a third of it at weekends)
     * @param narrativePerDay   narrative-related contacts per day
     * @param campaignsPerWeek  expected campaigns per week
     * @param repeatPerDay      expected repeat callers per day
     * @param decoysPerWeek     expected small near-identical groups per week
     */
    public record Settings(long seed, LocalDate firstDay, int days, ZoneId zone, int backgroundPerDay,
            int narrativePerDay, double campaignsPerWeek, double repeatPerDay, double decoysPerWeek) {
    }

    private static final String[] OPENERS = {"", "", "goedemorgen, ", "ja hallo, ", "Goedemiddag, ", "Beste gemeente, ",
            "mevr. belt: ", "dhr vraagt ", "beller: ", "hoi, ", "Geachte heer/mevrouw, ", "chat: "};
    private static final String[] CLOSERS = {"", "", "", " alvast bedankt", " Met vriendelijke groet", " groetjes",
            " graag terugbellen op 06-%08d", " bvd", " Groet, %s", " mvg"};
    private static final String[] NAMES = {"Karin", "Ahmed", "Wim", "Fatma", "Jan de Vries", "P. Bakker", "Noor",
            "Gerrit Smit", "Sanne", "Mohamed", "Els", "Kees Jansen", "Yusuf", "Linda", "Marco", "Ingrid", "Bram", "Aylin"};
    private static final String[] STREETS = {"Kerkstraat", "Dorpsstraat", "Polderweg", "Molenlaan", "Julianalaan",
            "Beukenlaan", "Schoolstraat", "Zuiderdijk", "Lindenhof", "Havenkade"};
    private static final String[] DEMANDS = {"Ik eis dat u dit besluit per direct intrekt.",
            "Ik verwacht binnen veertien dagen een schriftelijke reactie.",
            "Stilzwijgen beschouw ik als instemming.",
            "Ik verzoek u dit bezwaar in behandeling te nemen en mij te horen.",
            "Ik wil weten welke maatregelen de gemeente hiertegen neemt."};
    private static final String[] PERSONAL = {"Mijn kinderen spelen daar elke dag.", "Ik woon hier al dertig jaar.",
            "Ik ben het er helemaal mee eens.", "Mijn buren doen ook mee.", "Ik maak me echt zorgen."};

    private final List<List<String>> topics;
    private final List<String> ordinary;
    private final Map<String, List<String>> triggers;

    /** @param topics the ordinary questions, grouped by topic */
    public ContactStream(List<List<String>> topics, Map<String, List<String>> triggers) {
        this.topics = topics.stream().filter(t -> !t.isEmpty()).map(List::copyOf).toList();
        this.ordinary = this.topics.stream().flatMap(List::stream).toList();
        this.triggers = new LinkedHashMap<>(triggers);
    }

    /** Reads the material from a content folder (the repository's {@code content/}). */
    public static ContactStream fromContent(Path contentDir) {
        try {
            List<List<String>> ordinary = new ArrayList<>();
            for (String line : Files.readAllLines(contentDir.resolve("analysis/ordinary-questions.txt"),
                    StandardCharsets.UTF_8)) {
                String l = line.strip();
                if (l.startsWith("# topic:")) {
                    ordinary.add(new ArrayList<>());
                } else if (!l.isEmpty() && !l.startsWith("#") && !ordinary.isEmpty()) {
                    ordinary.getLast().add(l);
                }
            }
            Map<String, List<String>> triggers = new LinkedHashMap<>();
            try (Stream<Path> files = Files.list(contentDir.resolve("narratives"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                    String slug = file.getFileName().toString().replace(".md", "");
                    triggers.put(slug, readTriggers(file));
                }
            }
            return new ContactStream(ordinary, triggers);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read simulation material from " + contentDir, e);
        }
    }

    private static List<String> readTriggers(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        boolean inTriggers = false;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("triggers:")) {
                inTriggers = true;
            } else if (inTriggers && line.startsWith("  - ")) {
                String value = line.substring(4).strip();
                if (value.length() > 1 && (value.startsWith("\"") || value.startsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                }
                out.add(value);
            } else if (inTriggers && !line.startsWith(" ")) {
                break;
            }
        }
        return out;
    }

    public Stream2 generate(Settings s) {
        Random rnd = new Random(s.seed());
        List<Contact> contacts = new ArrayList<>();
        List<Injected> injected = new ArrayList<>();
        List<String> slugs = new ArrayList<>(triggers.keySet());
        int[] counter = {0};
        int group = 0;
        // A seeded order of the topics and Zipf-like weights 1/(rank+3): a few topics are very frequent.
        int[] topicOrder = new int[topics.size()];
        List<Integer> order = new ArrayList<>();
        for (int t = 0; t < topics.size(); t++) {
            order.add(t);
        }
        java.util.Collections.shuffle(order, rnd);
        double[] topicWeights = new double[topics.size()];
        double total = 0;
        for (int t = 0; t < topics.size(); t++) {
            topicOrder[t] = order.get(t);
            total += 1.0 / (t + 3);
            topicWeights[t] = total;
        }
        for (int d = 0; d < s.days(); d++) {
            LocalDate day = s.firstDay().plusDays(d);
            boolean weekend = day.getDayOfWeek().getValue() >= 6;
            int background = weekend ? s.backgroundPerDay() / 3 : s.backgroundPerDay();
            // A municipality with more contacts has more residents: about forty per daily contact.
            int residents = Math.max(200_000, 40 * (s.backgroundPerDay() + s.narrativePerDay()));
            for (int i = 0; i < background; i++) {
                List<String> topic = topics.get(topicOrder[zipf(topicWeights, rnd)]);
                String question = topic.get(rnd.nextInt(topic.size()));
                String second = topic.get(rnd.nextInt(topic.size()));
                int residentNo = rnd.nextInt(residents);
                String channel = channel(rnd);
                String text = Paraphraser.paraphrase(question, second.equals(question) ? null : second,
                        Paraphraser.styleOf(residentNo, channel), rnd);
                contacts.add(contact(s, counter, at(day, s.zone(), rnd, 0, 24), channel, text,
                        resident(s, residentNo), List.of(), List.of(), "achtergrond", 0));
            }
            int narrative = weekend ? s.narrativePerDay() / 3 : s.narrativePerDay();
            for (int i = 0; i < narrative; i++) {
                String slug = slugs.get(rnd.nextInt(slugs.size()));
                List<String> lines = triggers.get(slug);
                if (lines.isEmpty()) {
                    continue;
                }
                int residentNo = rnd.nextInt(residents);
                String channel = channel(rnd);
                String text = Paraphraser.paraphrase(lines.get(rnd.nextInt(lines.size())), null,
                        Paraphraser.styleOf(residentNo, channel), rnd);
                boolean matched = rnd.nextDouble() < 0.7;
                boolean confirmed = matched && rnd.nextDouble() < 0.4;
                contacts.add(contact(s, counter, at(day, s.zone(), rnd, 0, 24), channel, text,
                        resident(s, residentNo), matched ? List.of(slug) : List.of(),
                        confirmed ? List.of(slug) : List.of(), "verhaal", 0));
            }
            if (rnd.nextDouble() < s.campaignsPerWeek() / 7.0) {
                group++;
                String slug = slugs.get(rnd.nextInt(slugs.size()));
                boolean letter = rnd.nextBoolean();
                String template = letter ? letter(triggers.get(slug), rnd) : script(triggers.get(slug), rnd);
                if (template != null) {
                    injected.add(new Injected(group, "belactie", template, slug));
                    int size = 30 + rnd.nextInt(121);
                    wave(s, counter, contacts, day, rnd, group, template, slug, letter, size, 0.9, "belactie");
                }
            }
            if (rnd.nextDouble() < s.decoysPerWeek() / 7.0) {
                group++;
                String slug = slugs.get(rnd.nextInt(slugs.size()));
                String template = script(triggers.get(slug), rnd);
                if (template != null) {
                    injected.add(new Injected(group, "lokgroep", template, slug));
                    wave(s, counter, contacts, day, rnd, group, template, slug, false, 8 + rnd.nextInt(8), 1.0,
                            "lokgroep");
                }
            }
            int repeats = (int) s.repeatPerDay() + (rnd.nextDouble() < s.repeatPerDay() % 1 ? 1 : 0);
            for (int r = 0; r < repeats; r++) {
                group++;
                String base = rnd.nextBoolean() ? ordinary.get(rnd.nextInt(ordinary.size()))
                        : triggers.get(slugs.get(rnd.nextInt(slugs.size()))).getFirst();
                injected.add(new Injected(group, "herhaald", base, null));
                String resident = resident(s, 1_000_000 + group);
                int n = 8 + rnd.nextInt(23);
                for (int i = 0; i < n; i++) {
                    contacts.add(contact(s, counter, at(day, s.zone(), rnd, 8, 18), rnd.nextDouble() < 0.8
                            ? "telefoon" : "email", vary(base, rnd, true), resident, List.of(), List.of(), "herhaald",
                            group));
                }
            }
        }
        contacts.sort(java.util.Comparator.comparing(Contact::occurredAt));
        return new Stream2(contacts, injected);
    }

    private void wave(Settings s, int[] counter, List<Contact> contacts, LocalDate day, Random rnd, int group,
            String template, String slug, boolean letter, int size, double distinct, String kind) {
        int startHour = 8 + rnd.nextInt(9);
        double spreadHours = 2 + rnd.nextInt(9);
        Instant start = day.atStartOfDay(s.zone()).plusHours(startHour).plusMinutes(rnd.nextInt(60)).toInstant();
        List<String> residents = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String resident;
            if (residents.isEmpty() || rnd.nextDouble() < distinct) {
                resident = resident(s, 2_000_000 + group * 1000 + i);
                residents.add(resident);
            } else {
                resident = residents.get(rnd.nextInt(residents.size()));
            }
            Instant at = start.plusSeconds((long) (rnd.nextDouble() * spreadHours * 3600));
            String text = personalise(template, rnd);
            String channel = letter ? (rnd.nextDouble() < 0.7 ? "email" : "brief")
                    : (rnd.nextDouble() < 0.8 ? "telefoon" : "chat");
            boolean matched = rnd.nextDouble() < 0.5;
            contacts.add(contact(s, counter, at, channel, text, resident, matched ? List.of(slug) : List.of(),
                    List.of(), kind, group));
        }
    }

    /** A template letter from two or three phrasings of one narrative, with placeholders for the sender. */
    private static String letter(List<String> lines, Random rnd) {
        if (lines.size() < 3) {
            return null;
        }
        StringBuilder b = new StringBuilder("Geachte heer/mevrouw, ");
        int n = 2 + rnd.nextInt(2);
        for (int i = 0; i < n; i++) {
            b.append(lines.get(rnd.nextInt(lines.size()))).append(' ');
        }
        b.append(DEMANDS[rnd.nextInt(DEMANDS.length)]).append(" {PERSOONLIJK}Met vriendelijke groet, {NAAM}, {ADRES}");
        return b.toString();
    }

    /** A scripted call: one long phrasing plus where the caller got it. */
    private static String script(List<String> lines, Random rnd) {
        List<String> long_ = lines.stream().filter(l -> l.split("\\s+").length >= 12).toList();
        if (long_.isEmpty()) {
            return null;
        }
        return long_.get(rnd.nextInt(long_.size())) + " {PERSOONLIJK}dat staat in de groepsapp, {NAAM} belt namens de buurt";
    }

    private static String personalise(String template, Random rnd) {
        String name = NAMES[rnd.nextInt(NAMES.length)];
        String address = STREETS[rnd.nextInt(STREETS.length)] + " " + (1 + rnd.nextInt(200)) + ", "
                + (1000 + rnd.nextInt(9000)) + " " + (char) ('A' + rnd.nextInt(26)) + (char) ('A' + rnd.nextInt(26));
        String personal = rnd.nextDouble() < 0.3 ? PERSONAL[rnd.nextInt(PERSONAL.length)] + " " : "";
        String text = template.replace("{NAAM}", name).replace("{ADRES}", address).replace("{PERSOONLIJK}", personal);
        return typos(dropWords(text, rnd, 0.03), rnd, rnd.nextInt(4));
    }

    private static String vary(String text, Random rnd, boolean frame) {
        String varied = typos(dropWords(text, rnd, 0.05), rnd, rnd.nextInt(3));
        if (!frame) {
            return varied;
        }
        String closer = CLOSERS[rnd.nextInt(CLOSERS.length)];
        if (closer.contains("%08d")) {
            closer = String.format(closer, rnd.nextInt(100_000_000));
        } else if (closer.contains("%s")) {
            closer = String.format(closer, NAMES[rnd.nextInt(NAMES.length)]);
        }
        return OPENERS[rnd.nextInt(OPENERS.length)] + varied + closer;
    }

    private static String dropWords(String text, Random rnd, double p) {
        StringBuilder out = new StringBuilder();
        for (String word : text.split(" ")) {
            if (rnd.nextDouble() >= p || word.contains("{")) {
                out.append(out.isEmpty() ? "" : " ").append(word);
            }
        }
        return out.toString();
    }

    /** Swaps two neighbouring letters in {@code n} random words. */
    private static String typos(String text, Random rnd, int n) {
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

    /** An index drawn with the cumulative weights {@code cumulative}. */
    private static int zipf(double[] cumulative, Random rnd) {
        double x = rnd.nextDouble() * cumulative[cumulative.length - 1];
        int i = java.util.Arrays.binarySearch(cumulative, x);
        return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
    }

    private static String channel(Random rnd) {
        double x = rnd.nextDouble();
        return x < 0.55 ? "telefoon" : x < 0.75 ? "email" : x < 0.87 ? "chat" : x < 0.95 ? "balie" : "brief";
    }

    /** Office hours weigh most: 70% between 8 and 17, the rest anywhere in [from, to). */
    private static Instant at(LocalDate day, ZoneId zone, Random rnd, int from, int to) {
        double hour = rnd.nextDouble() < 0.7 ? 8 + rnd.nextDouble() * 9 : from + rnd.nextDouble() * (to - from);
        return day.atStartOfDay(zone).toInstant().plusSeconds((long) (hour * 3600));
    }

    private static Contact contact(Settings s, int[] counter, Instant at, String channel, String text, String resident,
            List<String> matched, List<String> confirmed, String kind, int group) {
        return new Contact("sim-" + s.seed() + "-" + (counter[0]++), at, channel, text, resident, matched, confirmed,
                kind, group);
    }

    /** A stand-in for the connector's keyed hash of a CRM id. */
    static String resident(Settings s, int n) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((s.seed() + ":" + n)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
