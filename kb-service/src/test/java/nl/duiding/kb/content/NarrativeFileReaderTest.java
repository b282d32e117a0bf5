package nl.duiding.kb.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import nl.duiding.kb.narrative.Category;
import nl.duiding.kb.narrative.NarrativeSchema;
import nl.duiding.kb.narrative.NarrativeStatus;
import org.junit.jupiter.api.Test;

/**
 * Broken variants of one valid fixture file, each with one mistake on a known line: the reader must name that line.
 */
class NarrativeFileReaderTest {

    private static final String PATH = "content/narratives/azc-komst-gerucht.md";

    private final NarrativeFileReader reader = new NarrativeFileReader(NarrativeSchema.load());
    private final String valid = fixture("content-fixtures/azc-komst-gerucht.md");

    @Test
    void readsFrontMatterAndBackground() {
        NarrativeFileReader.Result result = reader.read(PATH, valid);

        assertThat(result.problems()).isEmpty();
        assertThat(result.file().narrative().category()).isEqualTo(Category.ASIEL_EN_OPVANG);
        assertThat(result.file().status()).isEqualTo(NarrativeStatus.GEPUBLICEERD);
        assertThat(result.file().author()).isEqualTo("redactie-duiding");
        assertThat(result.file().narrative().background()).startsWith("## Achtergrond");
        assertThat(result.file().narrative().scripts().chat().say()).hasSize(2);
        assertThat(result.file().contentHash()).hasSize(64);
    }

    @Test
    void reportsTheLineOfATooShortCoreMessage() {
        String broken = replaceLineAfter("  chat:", "    coreMessage: >", "    coreMessage: Te kort.");
        int line = lineOf(broken, "    coreMessage: Te kort.");
        // The folded lines of the old message would now be a syntax error; drop them.
        broken = dropLinesAfter(broken, line, 3);

        assertThat(problems(broken)).contains(
                PATH + ":" + line + ": $.scripts.chat.coreMessage: must be at least 40 characters long");
    }

    @Test
    void reportsTheLineOfAnUnknownCategory() {
        String broken = valid.replace("category: asiel-en-opvang", "category: asiel");
        int line = lineOf(broken, "category: asiel");

        assertThat(problems(broken)).anySatisfy(p -> assertThat(p).startsWith(PATH + ":" + line + ": $.category: "));
    }

    @Test
    void reportsAMissingRequiredFieldAtTheObjectThatLacksIt() {
        String broken = valid.replace("    registration: >\n      Registreer het chatgesprek zoals gebruikelijk onder asielopvang, met de genoemde plek.\n", "");
        int line = lineOf(broken, "  chat:") + 1;

        assertThat(problems(broken)).anySatisfy(p -> assertThat(p)
                .startsWith(PATH + ":" + line + ": $.scripts.chat: required property 'registration' not found"));
    }

    @Test
    void reportsTheLineOfAnInvalidTriggerInAList() {
        String broken = valid.replace("  - is het waar dat er noodopvang komt in de sporthal, mijn kind sport daar",
                "  - kort");
        int line = lineOf(broken, "  - kort");

        assertThat(problems(broken)).contains(PATH + ":" + line + ": $.triggers[11]: must be at least 8 characters long");
    }

    @Test
    void reportsAnUnknownFieldAtItsObject() {
        String broken = valid.replace("risk: hoog\n", "risk: hoog\nurgentie: hoog\n");

        assertThat(problems(broken)).anySatisfy(p -> assertThat(p).contains("$: property 'urgentie' is not defined"));
    }

    @Test
    void reportsTheLineOfAYamlSyntaxError() {
        String broken = valid.replace("tenant: nationaal", "tenant: [nationaal");
        int line = lineOf(broken, "tenant: [nationaal");

        List<String> problems = problems(broken);
        assertThat(problems).hasSize(1);
        assertThat(problems.getFirst()).startsWith(PATH + ":").contains("YAML");
        int reported = Integer.parseInt(problems.getFirst().split(":")[1]);
        assertThat(reported).isGreaterThanOrEqualTo(line);
    }

    @Test
    void reportsADateThatDoesNotExist() {
        String broken = valid.replace("reviewBy: 2027-03-01", "reviewBy: 2027-02-30");
        int line = lineOf(broken, "reviewBy: 2027-02-30");

        assertThat(problems(broken)).singleElement().asString().startsWith(PATH + ":" + line + ": $.reviewBy: ");
    }

    @Test
    void rejectsAFileWithoutFrontMatter() {
        assertThat(problems("# Alleen tekst\n")).containsExactly(
                PATH + ":1: the file must start with a line '---' that opens the YAML front matter");
    }

    @Test
    void appliesTheStricterRuleForPublishedNarratives() {
        String fewTriggers = keepFirstTriggers(valid, 3);

        assertThat(problems(fewTriggers)).anySatisfy(p -> assertThat(p).contains("$.triggers: must have at least 10 items"));
        assertThat(problems(fewTriggers.replace("status: gepubliceerd", "status: concept"))).isEmpty();
    }

    private List<String> problems(String text) {
        return reader.read(PATH, text).problems().stream().map(ContentProblem::toString).toList();
    }

    private String replaceLineAfter(String anchor, String line, String replacement) {
        List<String> lines = Arrays.asList(valid.split("\n", -1));
        int start = lines.indexOf(anchor);
        for (int i = start; i < lines.size(); i++) {
            if (lines.get(i).equals(line)) {
                lines.set(i, replacement);
                return String.join("\n", lines);
            }
        }
        throw new IllegalArgumentException(line);
    }

    private static String dropLinesAfter(String text, int line, int count) {
        List<String> lines = new java.util.ArrayList<>(Arrays.asList(text.split("\n", -1)));
        for (int i = 0; i < count; i++) {
            lines.remove(line);
        }
        return String.join("\n", lines);
    }

    private static String keepFirstTriggers(String text, int keep) {
        List<String> lines = new java.util.ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int start = lines.indexOf("triggers:") + 1;
        int end = start;
        while (lines.get(end).startsWith("  - ")) {
            end++;
        }
        lines.subList(start + keep, end).clear();
        return String.join("\n", lines);
    }

    /** 1-based, as editors count. */
    private static int lineOf(String text, String line) {
        int index = Arrays.asList(text.split("\n", -1)).indexOf(line);
        assertThat(index).as("fixture line %s", line).isNotNegative();
        return index + 1;
    }

    private static String fixture(String resource) {
        try (InputStream in = NarrativeFileReaderTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
