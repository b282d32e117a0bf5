package nl.duiding.kb.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import nl.duiding.kb.narrative.Narrative;
import nl.duiding.kb.narrative.NarrativeRecord;
import nl.duiding.kb.narrative.NarrativeStatus;
import nl.duiding.kb.narrative.PublishedNarratives;
import nl.duiding.kb.narrative.Slug;
import nl.duiding.kb.narrative.TenantCode;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Interim source of published narratives straight from content/ files, until the editorial store lands.
 */
@Component
class ContentFolderNarratives implements PublishedNarratives {

    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\R(.*?)\\R---\\R(.*)\\z", Pattern.DOTALL);

    private final List<NarrativeRecord> records;

    ContentFolderNarratives(ContentProperties properties) {
        YAMLMapper yaml = YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        try (Stream<Path> files = Files.list(properties.dir().resolve("narratives"))) {
            records = files.filter(f -> f.toString().endsWith(".md")).sorted().map(f -> read(yaml, f))
                    .filter(r -> r.status() == NarrativeStatus.GEPUBLICEERD).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static NarrativeRecord read(YAMLMapper yaml, Path file) {
        try {
            Matcher m = FRONT_MATTER.matcher(Files.readString(file, StandardCharsets.UTF_8));
            if (!m.matches()) {
                throw new IllegalStateException(file + ": no front matter");
            }
            ObjectNode front = (ObjectNode) yaml.readTree(m.group(1));
            NarrativeStatus status = NarrativeStatus.fromCode(front.get("status").asString());
            front.put("background", m.group(2).strip());
            Narrative narrative = yaml.treeToValue(front, Narrative.class);
            Instant now = Instant.now();
            return new NarrativeRecord(narrative, status, 1, "content-import", "content-import", now, now, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<NarrativeRecord> all() {
        return records;
    }

    @Override
    public Optional<NarrativeRecord> find(Slug slug, TenantCode tenant) {
        return records.stream().filter(r -> r.narrative().slug().equals(slug)).findFirst();
    }
}
