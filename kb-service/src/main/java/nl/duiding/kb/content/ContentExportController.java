package nl.duiding.kb.content;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.duiding.kb.security.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Export of the published narratives as content files, for beheerders. */
@RestController
@RequestMapping("/api/v1/content")
@Tag(name = "Content", description = "De gepubliceerde verhalen terugschrijven als bestanden (beheerder).")
class ContentExportController {

    private final ContentExporter exporter;
    private final ContentProperties properties;
    private final CurrentUser currentUser;

    ContentExportController(ContentExporter exporter, ContentProperties properties, CurrentUser currentUser) {
        this.exporter = exporter;
        this.properties = properties;
        this.currentUser = currentUser;
    }

    record ExportResult(String directory, List<String> files) {
    }

    @PostMapping(path = "/export", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Schrijft de gepubliceerde verhalen naar de ingestelde exportmap (duiding.content.export-dir)")
    ExportResult export() {
        Path dir = properties.exportDir().toAbsolutePath().normalize();
        return new ExportResult(dir.toString(), exporter.writeTo(dir, currentUser.get().tenant()));
    }

    @GetMapping(path = "/export.zip", produces = "application/zip")
    @Operation(summary = "De gepubliceerde verhalen als zip met content/narratives/…")
    ResponseEntity<byte[]> zip() throws IOException {
        // A few hundred narratives zip to well under a megabyte: building it in memory keeps this simple.
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        exporter.zipTo(zip, currentUser.get().tenant());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("duiding-content.zip").build().toString())
                .contentType(MediaType.parseMediaType("application/zip"))
                .body(zip.toByteArray());
    }
}
