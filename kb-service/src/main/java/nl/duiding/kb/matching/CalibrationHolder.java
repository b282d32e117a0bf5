package nl.duiding.kb.matching;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The calibration in use, read once from {@code duiding.matching.calibration}; replaceable while fitting. */
@Component
class CalibrationHolder {

    private volatile Calibration current;

    CalibrationHolder(MatchProperties properties, ResourceLoader resources, JsonMapper json) {
        try (InputStream in = resources.getResource(properties.calibration()).getInputStream()) {
            this.current = json.readValue(in, Calibration.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the match calibration " + properties.calibration(), e);
        }
    }

    Calibration get() {
        return current;
    }

    void use(Calibration calibration) {
        this.current = calibration;
    }
}
