package nl.duiding.kb.content;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import nl.duiding.kb.narrative.NarrativeRecord;
import nl.duiding.kb.narrative.PublishedNarratives;
import nl.duiding.kb.narrative.TenantCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes what is published back to content files, in the format the importer reads, so edits made in the editor can
 * go through git review. National narratives go to {@code narratives/<slug>.md}, a tenant's own to
 * {@code narratives/<gemeentecode>/<slug>.md}. A national beheerder exports every tenant's narratives, a
 * municipality's beheerder the national ones and its own. Each export is announced ({@link ContentExported}).
 */
@Component
public class ContentExporter {

    private final PublishedNarratives published;
    private final ApplicationEventPublisher events;
    private final NarrativeFileWriter writer = new NarrativeFileWriter();

    ContentExporter(PublishedNarratives published, ApplicationEventPublisher events) {
        this.published = published;
        this.events = events;
    }

    record ExportedFile(String path, String text) {
    }

    List<ExportedFile> files(TenantCode scope) {
        List<ExportedFile> files = new ArrayList<>();
        published.all().stream()
                .filter(r -> scope.isNational() || r.tenant().isNational() || r.tenant().equals(scope))
                .sorted(Comparator.comparing((NarrativeRecord r) -> r.tenant().value()).thenComparing(r -> r.slug().value()))
                .forEach(r -> files.add(new ExportedFile(pathOf(r),
                        writer.write(r.narrative(), r.status(), r.author()))));
        return files;
    }

    List<String> writeTo(Path dir, TenantCode scope) {
        List<String> written = new ArrayList<>();
        try {
            for (ExportedFile file : files(scope)) {
                Path target = dir.resolve(file.path());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.text(), StandardCharsets.UTF_8);
                written.add(file.path());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the export to " + dir, e);
        }
        events.publishEvent(new ContentExported("map", written.size(), scope));
        return written;
    }

    /** The published narratives as content files in a zip ({@code content/narratives/…}). */
    public void zipTo(OutputStream out, TenantCode scope) throws IOException {
        List<ExportedFile> files = files(scope);
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (ExportedFile file : files) {
                zip.putNextEntry(new ZipEntry("content/" + file.path()));
                zip.write(file.text().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        events.publishEvent(new ContentExported("zip", files.size(), scope));
    }

    private static String pathOf(NarrativeRecord record) {
        String name = record.slug().value() + ".md";
        return record.tenant().isNational() ? "narratives/" + name
                : "narratives/" + record.tenant().value() + "/" + name;
    }
}
