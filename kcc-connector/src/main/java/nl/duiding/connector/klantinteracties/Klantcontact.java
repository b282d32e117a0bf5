package nl.duiding.connector.klantinteracties;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The part of a Klantinteracties {@code ExpandKlantcontact} the connector uses (requested with
 * {@code expand=hadBetrokkenen}); everything else in the record is ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record Klantcontact(String uuid, String url, String kanaal, String onderwerp, String inhoud,
        OffsetDateTime plaatsgevondenOp, Boolean vertrouwelijk, @JsonProperty("_expand") Expand expand) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Expand(List<Betrokkene> hadBetrokkenen) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Betrokkene(String uuid, PartijRef wasPartij, String rol, Boolean initiator) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PartijRef(String uuid, String url) {
    }

    /** The resident: the initiating betrokkene that was a partij, else the first one with rol klant. */
    String residentId() {
        if (expand == null || expand.hadBetrokkenen() == null) {
            return null;
        }
        return expand.hadBetrokkenen().stream()
                .filter(b -> b != null && b.wasPartij() != null && b.wasPartij().uuid() != null)
                .sorted((a, b) -> Boolean.compare(Boolean.TRUE.equals(b.initiator()), Boolean.TRUE.equals(a.initiator())))
                .filter(b -> Boolean.TRUE.equals(b.initiator()) || "klant".equals(b.rol()))
                .map(b -> b.wasPartij().uuid())
                .findFirst().orElse(null);
    }
}
