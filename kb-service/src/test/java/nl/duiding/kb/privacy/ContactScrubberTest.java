package nl.duiding.kb.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Measures the scrubber on the labelled set {@code privacy/scrubber-cases.txt}: one KCC snippet per line, personal
 * data marked {@code [[kind:value]]}; lines without marks are look-alikes (order numbers, amounts, Awb articles,
 * ordinary dates) that must stay; and on held-out sets in the same format written later without looking at it. Recall
 * counts labelled values whose every letter and digit was replaced; precision counts scrubbed spans that overlap a
 * labelled value. The figures go to target/privacy-figures/SET.md, which scripts/eval-scrubber.sh copies into
 * docs/privacy-scrubber.md.
 */
class ContactScrubberTest {

    private static final Pattern MARK = Pattern.compile("\\[\\[([a-z-]+):(.+?)]]");

    private final ContactScrubber scrubber = new ContactScrubber();

    record Entity(int start, int end, String kind) {
    }

    record Case(String text, List<Entity> entities) {
    }

    /** The set the patterns were developed on. */
    @Test
    void meetsRecallAndPrecisionOnTheLabelledSet() throws IOException {
        List<Case> cases = load("scrubber-cases.txt");
        assertThat(cases).hasSizeGreaterThanOrEqualTo(300);
        measure("scrubber-cases", cases);
    }

    /** Written afterwards without looking at the first set (docs/privacy-scrubber.md tells their history). */
    @Test
    void meetsRecallAndPrecisionOnTheHeldOutSets() throws IOException {
        List<Runnable> checks = new ArrayList<>();
        for (String set : List.of("scrubber-heldout-1", "scrubber-heldout-2", "scrubber-heldout-3")) {
            List<Case> cases = load(set + ".txt");
            assertThat(cases).hasSizeGreaterThanOrEqualTo(45);
            checks.add(measureOnly(set, cases));
        }
        // Every set is measured (and its figures written) before the first failing one stops the test.
        checks.forEach(Runnable::run);
    }

    /**
     * Names have sets of their own: a name is found only where the text announces it (a title, a closing, a
     * self-introduction, a relation), so recall is held to floors a little under what each set measures today
     * (docs/privacy-scrubber.md): the first set was written with the finder, the others blind and measured once
     * first, the later ones after fewer rounds of changes.
     */
    @Test
    void findsAnnouncedNamesOnTheNameSets() throws IOException {
        Map<String, Double> recallFloors = new LinkedHashMap<>();
        recallFloors.put("scrubber-names", 0.95);
        recallFloors.put("scrubber-names-heldout", 0.90);
        recallFloors.put("scrubber-names-heldout-2", 0.70);
        recallFloors.put("scrubber-names-heldout-3", 0.60);
        List<Runnable> checks = new ArrayList<>();
        for (Map.Entry<String, Double> set : recallFloors.entrySet()) {
            List<Case> cases = load(set.getKey() + ".txt");
            assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
            checks.add(measureOnly(set.getKey(), cases, set.getValue()));
        }
        checks.forEach(Runnable::run);
    }

    /**
     * The narrative library is published to every agent: a phone number, e-mail address, BSN, IBAN or licence plate
     * in a content file fails the build, as it fails a save in the editor (PersonalDataCheck). Names, addresses and
     * dates are only listed (docs/privacy-scrubber.md): the trigger phrasings of sovereign narratives carry invented
     * example names on purpose ("Piet uit de familie De Vries"), and a local narrative may give the town hall's
     * address.
     */
    @Test
    void theLibraryHoldsNoPersonalDataButExampleNames() throws IOException {
        Set<ContactScrubber.Kind> refused = EnumSet.of(ContactScrubber.Kind.PHONE, ContactScrubber.Kind.EMAIL,
                ContactScrubber.Kind.BSN, ContactScrubber.Kind.IBAN, ContactScrubber.Kind.LICENCE_PLATE);
        List<String> listed = new ArrayList<>();
        List<String> other = new ArrayList<>();
        List<Path> files;
        try (var listing = Files.list(Path.of("..", "content", "narratives"))) {
            files = listing.filter(f -> f.toString().endsWith(".md")).sorted().toList();
        }
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                for (ContactScrubber.Span span : scrubber.scrub(line).spans()) {
                    String find = file.getFileName() + ":" + (i + 1) + " " + span.kind() + " '"
                            + line.substring(span.start(), span.end()) + "'";
                    (refused.contains(span.kind()) ? other : listed).add(find);
                }
            }
        }
        StringBuilder md = new StringBuilder("Narrative files: " + files.size() + "; names, addresses and dates found: "
                + listed.size() + "; phone numbers, e-mail addresses, BSNs, IBANs, licence plates found: "
                + other.size() + ".\n\n");
        listed.forEach(n -> md.append("- `").append(n).append("`\n"));
        Path out = Path.of("target", "privacy-figures", "content-library.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());

        assertThat(files).hasSizeGreaterThanOrEqualTo(44);
        assertThat(other).as("personal data in the narrative library").isEmpty();
    }

    private void measure(String name, List<Case> cases) throws IOException {
        measureOnly(name, cases).run();
    }

    private Runnable measureOnly(String name, List<Case> cases) throws IOException {
        return measureOnly(name, cases, 0.98);
    }

    private Runnable measureOnly(String name, List<Case> cases, double recallFloor) throws IOException {
        int entities = 0;
        int found = 0;
        int spans = 0;
        int correctSpans = 0;
        int cleanLines = 0;
        int cleanLinesTouched = 0;
        Map<String, int[]> perKind = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        for (Case c : cases) {
            ContactScrubber.Result result = scrubber.scrub(c.text());
            for (Entity entity : c.entities()) {
                entities++;
                int[] counts = perKind.computeIfAbsent(entity.kind(), k -> new int[2]);
                counts[0]++;
                if (covered(entity, result.spans(), c.text())) {
                    found++;
                    counts[1]++;
                } else {
                    misses.add("missed " + entity.kind() + " '" + c.text().substring(entity.start(), entity.end())
                            + "' in: " + c.text());
                }
            }
            for (ContactScrubber.Span span : result.spans()) {
                spans++;
                boolean overlaps = c.entities().stream().anyMatch(e -> span.start() < e.end() && e.start() < span.end());
                if (overlaps) {
                    correctSpans++;
                } else {
                    misses.add("wrongly scrubbed '" + c.text().substring(span.start(), span.end()) + "' as "
                            + span.kind() + " in: " + c.text());
                }
            }
            if (c.entities().isEmpty()) {
                cleanLines++;
                if (!result.spans().isEmpty()) {
                    cleanLinesTouched++;
                }
            }
        }
        double recall = (double) found / entities;
        double precision = spans == 0 ? 1 : (double) correctSpans / spans;
        writeFigures(name, cases.size(), entities, found, spans, correctSpans, cleanLines, cleanLinesTouched, recall,
                precision, perKind, misses);

        return () -> {
            assertThat(recall).as(name + " recall; misses:\n" + String.join("\n", misses))
                    .isGreaterThanOrEqualTo(recallFloor);
            assertThat(precision).as(name + " precision; misses:\n" + String.join("\n", misses))
                    .isGreaterThanOrEqualTo(0.95);
        };
    }

    @Test
    void replacesValuesWithDutchPlaceholders() {
        String scrubbed = scrubber.clean("bsn 111222333, bel 06-12345678 of mail jan@example.nl, NL91ABNA0417164300");
        assertThat(scrubbed).isEqualTo("bsn [bsn], bel [telefoon] of mail [e-mail], [iban]");
    }

    @Test
    void replacesAnnouncedNamesButKeepsPublicFiguresAndDepartments() {
        assertThat(scrubber.clean("mevr. De Vries belt, doorgezet naar Handhaving. Met vriendelijke groet, Henk Postma"))
                .isEqualTo("mevr. [naam] belt, doorgezet naar Handhaving. Met vriendelijke groet, [naam]");
        assertThat(scrubber.clean("volgens Klaus Schwab moeten we in 15-minutensteden wonen"))
                .isEqualTo("volgens Klaus Schwab moeten we in 15-minutensteden wonen");
    }

    @Test
    void leavesNumbersThatFailTheChecksumsAlone() {
        // 123456789 fails the 11-proef; NL91ABNA0417164301 fails mod-97 but keeps the Dutch IBAN shape, so it goes.
        assertThat(scrubber.clean("zaak 123456789 staat open")).isEqualTo("zaak 123456789 staat open");
        assertThat(ContactScrubber.elevenProof("111222333")).isTrue();
        assertThat(ContactScrubber.elevenProof("123456789")).isFalse();
        assertThat(ContactScrubber.mod97("NL91ABNA0417164300")).isTrue();
        assertThat(ContactScrubber.mod97("NL91ABNA0417164301")).isFalse();
    }

    private static boolean covered(Entity entity, List<ContactScrubber.Span> spans, String text) {
        for (int i = entity.start(); i < entity.end(); i++) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                continue;
            }
            int at = i;
            if (spans.stream().noneMatch(s -> s.start() <= at && at < s.end())) {
                return false;
            }
        }
        return true;
    }

    private static List<Case> load(String resource) throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = ContactScrubberTest.class.getResourceAsStream("/privacy/" + resource)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                StringBuilder text = new StringBuilder();
                List<Entity> entities = new ArrayList<>();
                Matcher m = MARK.matcher(line);
                int at = 0;
                while (m.find()) {
                    text.append(line, at, m.start());
                    int start = text.length();
                    text.append(m.group(2));
                    entities.add(new Entity(start, text.length(), m.group(1)));
                    at = m.end();
                }
                text.append(line.substring(at));
                cases.add(new Case(text.toString(), entities));
            }
        }
        return cases;
    }

    private static void writeFigures(String name, int lines, int entities, int found, int spans, int correctSpans, int cleanLines,
            int cleanLinesTouched, double recall, double precision, Map<String, int[]> perKind, List<String> misses)
            throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("| Figure | Value |\n|---|---|\n");
        md.append("| Labelled snippets | ").append(lines).append(" (").append(lines - cleanLines)
                .append(" with personal data, ").append(cleanLines).append(" look-alikes without) |\n");
        md.append("| Personal data values | ").append(entities).append(" |\n");
        md.append(String.format(Locale.ROOT, "| Recall | %.3f (%d of %d values fully scrubbed) |%n", recall, found,
                entities));
        md.append(String.format(Locale.ROOT, "| Precision | %.3f (%d of %d scrubbed spans were personal data) |%n",
                precision, correctSpans, spans));
        md.append("| Look-alike snippets changed | ").append(cleanLinesTouched).append(" of ").append(cleanLines)
                .append(" |\n\n");
        md.append("| Kind | Values | Scrubbed |\n|---|---|---|\n");
        perKind.forEach((kind, c) -> md.append("| ").append(kind).append(" | ").append(c[0]).append(" | ")
                .append(c[1]).append(" |\n"));
        if (!misses.isEmpty()) {
            md.append("\nMisses and false finds:\n\n");
            misses.forEach(m -> md.append("- `").append(m.replace("`", "'")).append("`\n"));
        }
        Path out = Path.of("target", "privacy-figures", name + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
    }
}
