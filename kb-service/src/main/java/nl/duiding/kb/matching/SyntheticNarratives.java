package nl.duiding.kb.matching;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import nl.duiding.kb.content.NarrativeFileWriter;
import nl.duiding.kb.narrative.Category;
import nl.duiding.kb.narrative.Narrative;
import nl.duiding.kb.narrative.NarrativeStatus;
import nl.duiding.kb.narrative.Risk;
import nl.duiding.kb.narrative.Script;
import nl.duiding.kb.narrative.Scripts;
import nl.duiding.kb.narrative.Slug;
import nl.duiding.kb.narrative.TenantCode;

/**
 * Generates synthetic narratives for the match benchmark (1,000 narratives indexed): seeded, with phrasings built
 * from the real narratives' and ordinary questions' words, so index size and vocabulary resemble a large library.
 * Never part of the content a municipality sees.
 */
final class SyntheticNarratives {

    private static final Pattern WORD = Pattern.compile("[\\p{L}]{3,}");

    private SyntheticNarratives() {
    }

    /** Writes {@code count} narrative files into {@code directory}; returns how many were written. */
    static int write(Path directory, List<String> sourceTexts, int count, long seed) throws IOException {
        List<String> words = new ArrayList<>();
        sourceTexts.forEach(text -> WORD.matcher(text.toLowerCase()).results().forEach(m -> words.add(m.group())));
        if (words.isEmpty()) {
            throw new IllegalStateException("No source words to build synthetic narratives from");
        }
        Random random = new Random(seed);
        NarrativeFileWriter writer = new NarrativeFileWriter();
        Files.createDirectories(directory);
        // Categories without extra required fields (soevereinen need legal fields, belactie forms a playbook).
        List<Category> categories = Arrays.stream(Category.values())
                .filter(c -> c != Category.SOEVEREINEN && c != Category.BELACTIE_VORM).toList();
        Risk[] risks = Risk.values();
        for (int i = 1; i <= count; i++) {
            String slug = String.format("synthetisch-%04d", i);
            List<String> triggers = new ArrayList<>();
            for (int t = 0; t < 12; t++) {
                triggers.add(sentence(words, random, 8 + random.nextInt(10)));
            }
            Script script = new Script(
                    "Dit is een gegenereerd verhaal voor de meting van de herkenning; het kernbericht staat hier "
                            + "alleen om het schema te volgen.",
                    List.of("Verwijs naar de pagina van de gemeente."), List.of("Ga niet in discussie."),
                    List.of("Waar heeft u dit gelezen of gehoord?"),
                    List.of(new Script.Referral("communicatie", "Als meerdere inwoners hetzelfde melden.")),
                    "Registreer het contact zoals gebruikelijk.");
            Narrative narrative = new Narrative(new Slug(slug), "Synthetisch verhaal " + i + ": "
                    + sentence(words, random, 4), "Gegenereerd verhaal voor de meting: " + sentence(words, random, 25),
                    categories.get(random.nextInt(categories.size())), List.of("synthetisch"),
                    risks[random.nextInt(risks.length)], TenantCode.NATIONAL, null, null, LocalDate.of(2027, 6, 30),
                    triggers, new Scripts(script, script, script), null, List.of(), List.of(), null,
                    List.of(new Narrative.Source("Pagina van de gemeente", "https://gemeente.example/pagina",
                            "gemeente", true)),
                    List.of(), "## Achtergrond\n\n- Gegenereerd voor de meting van de herkenning.");
            Files.writeString(directory.resolve(slug + ".md"),
                    writer.write(narrative, NarrativeStatus.GEPUBLICEERD, "benchmark"), StandardCharsets.UTF_8);
        }
        return count;
    }

    private static String sentence(List<String> words, Random random, int length) {
        StringBuilder sentence = new StringBuilder();
        for (int w = 0; w < length; w++) {
            if (w > 0) {
                sentence.append(' ');
            }
            sentence.append(words.get(random.nextInt(words.size())));
        }
        return sentence.toString();
    }
}
