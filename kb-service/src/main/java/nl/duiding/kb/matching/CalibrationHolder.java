package nl.duiding.kb.matching;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calibration in use, read once from {@code duiding.matching.calibration}; replaceable while fitting. A
 * calibration that does not fit the features stops the start, except when the calibration tool runs to replace it
 * (after features changed, the stored one cannot fit).
 */
@Component
class CalibrationHolder {

    private static final Logger log = LoggerFactory.getLogger(CalibrationHolder.class);

    private volatile Calibration current;

    CalibrationHolder(MatchProperties properties, TextEmbedder embedder, ResourceLoader resources, JsonMapper json,
            @Value("${duiding.tool:}") String tool) {
        try (InputStream in = resources.getResource(properties.calibration()).getInputStream()) {
            Calibration calibration = json.readValue(in, Calibration.class);
            requireSameModel(calibration, embedder, properties.calibration());
            requireSameLongTexts(calibration, properties);
            this.current = calibration;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the match calibration " + properties.calibration(), e);
        } catch (RuntimeException e) {
            if (!"calibrate".equals(tool)) {
                throw e;
            }
            log.info("The stored calibration does not fit the current features; fitting a new one ({})",
                    e.getMessage());
        }
    }

    /** A calibration fitted with sentence vectors means nothing without them, or with another model's. */
    private static void requireSameModel(Calibration calibration, TextEmbedder embedder, String location) {
        String fittedWith = calibration.embeddingModel();
        if (!fittedWith.equals(embedder.modelId())) {
            throw new IllegalStateException("The match calibration " + location + " was fitted with embedding model '"
                    + fittedWith + "', but duiding.matching.embedding uses '" + embedder.modelId()
                    + "': set duiding.matching.calibration to one fitted with it (scripts/calibrate-match.sh)");
        }
    }

    /** The long-text stage was fitted on texts from one length on; matching must call the same texts long. */
    private static void requireSameLongTexts(Calibration calibration, MatchProperties properties) {
        LongTextCalibration stage = calibration.longTexts();
        if (stage != null && stage.fromWindows() != properties.longTextWindows()) {
            throw new IllegalStateException("The match calibration " + properties.calibration()
                    + " was fitted with long texts from " + stage.fromWindows() + " windows, but "
                    + "duiding.matching.long-text-windows is " + properties.longTextWindows()
                    + ": set it back, or refit (scripts/calibrate-match.sh)");
        }
    }

    Calibration get() {
        if (current == null) {
            throw new IllegalStateException("No calibration fitted yet");
        }
        return current;
    }

    void use(Calibration calibration) {
        this.current = calibration;
    }
}
