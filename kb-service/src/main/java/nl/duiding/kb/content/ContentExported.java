package nl.duiding.kb.content;

import nl.duiding.kb.narrative.TenantCode;

/** Published narratives were exported as content files: to the export folder ("map") or as a download ("zip"). */
public record ContentExported(String form, int files, TenantCode scope) {
}
