package nl.duiding.kb.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.langchain4j.model.embedding.onnx.PoolingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;
import tools.jackson.databind.json.JsonMapper;

class CalibrationHolderTest {

    static final TextEmbedder WORDS_ONLY = new TextEmbedder(embedding(EmbeddingProperties.NONE));

    private final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void refusesToStartWithACalibrationFittedOnOtherFeatures() throws IOException {
        MatchProperties properties = properties(staleCalibration());

        assertThatThrownBy(() -> new CalibrationHolder(properties, WORDS_ONLY, new DefaultResourceLoader(), json, ""))
                .hasStackTraceContaining("run scripts/calibrate-match.sh");
    }

    @Test
    void letsTheCalibrationToolReplaceACalibrationFittedOnOtherFeatures() throws IOException {
        CalibrationHolder holder = new CalibrationHolder(properties(staleCalibration()), WORDS_ONLY,
                new DefaultResourceLoader(),
                json, "calibrate");
        assertThatThrownBy(holder::get).isInstanceOf(IllegalStateException.class);

        int n = Features.NAMES.size();
        Calibration fitted = new Calibration(Features.NAMES, new double[n], filled(n), new double[n], 0, Map.of());
        holder.use(fitted);

        assertThat(holder.get()).isSameAs(fitted);
    }

    @Test
    void readsTheCommittedCalibration() {
        CalibrationHolder holder = new CalibrationHolder(properties("classpath:matching/calibration.json"),
                WORDS_ONLY, new DefaultResourceLoader(), json, "");

        assertThat(holder.get().features()).isEqualTo(Features.NAMES);
    }

    @Test
    void refusesACalibrationFittedWithAnEmbeddingModelWhenNoneIsConfigured() throws IOException {
        MatchProperties properties = properties(semanticCalibration(EmbeddingProperties.BUNDLED));

        assertThatThrownBy(() -> new CalibrationHolder(properties, WORDS_ONLY, new DefaultResourceLoader(), json, ""))
                .hasMessageContaining("fitted with embedding model 'all-minilm-l6-v2-q'")
                .hasMessageContaining("uses 'none'");
    }

    @Test
    void refusesAWordsOnlyCalibrationWhenAnEmbeddingModelIsConfigured() {
        TextEmbedder bundled = new TextEmbedder(embedding(EmbeddingProperties.BUNDLED));

        assertThatThrownBy(() -> new CalibrationHolder(properties("classpath:matching/calibration.json"), bundled,
                new DefaultResourceLoader(), json, ""))
                .hasMessageContaining("fitted with embedding model 'none'")
                .hasMessageContaining("uses 'all-minilm-l6-v2-q'");
    }

    @Test
    void readsACalibrationFittedWithTheConfiguredModel() throws IOException {
        TextEmbedder bundled = new TextEmbedder(embedding(EmbeddingProperties.BUNDLED));

        CalibrationHolder holder = new CalibrationHolder(properties(semanticCalibration(EmbeddingProperties.BUNDLED)),
                bundled, new DefaultResourceLoader(), json, "");

        assertThat(holder.get().features()).isEqualTo(Features.SEMANTIC_NAMES);
    }

    @Test
    void refusesACalibrationWhoseLongTextsStartAtAnotherLength() throws IOException {
        int n = Features.NAMES.size();
        Path file = dir.resolve("long-calibration.json");
        Files.writeString(file, json.writeValueAsString(new Calibration(Features.NAMES, new double[n], filled(n),
                new double[n], 0, Map.of(), new LongTextCalibration(12, new double[3], filled(3), new double[3], 0))));
        MatchProperties properties = properties(file.toUri().toString());

        assertThatThrownBy(() -> new CalibrationHolder(properties, WORDS_ONLY, new DefaultResourceLoader(), json, ""))
                .hasStackTraceContaining("long texts from 12 windows")
                .hasStackTraceContaining("duiding.matching.long-text-windows is 9");
    }

    @Test
    void theCommittedCalibrationScoresLongLettersWithItsLongTextStage() {
        Calibration calibration = new CalibrationHolder(properties("classpath:matching/calibration.json"),
                WORDS_ONLY, new DefaultResourceLoader(), json, "").get();

        assertThat(calibration.longTexts()).isNotNull();
        assertThat(calibration.longTexts().fromWindows()).isEqualTo(9);
    }

    static EmbeddingProperties embedding(String model) {
        return new EmbeddingProperties(model, null, null, PoolingMode.MEAN, null, "", "", 50, 8);
    }

    private String semanticCalibration(String model) throws IOException {
        int n = Features.SEMANTIC_NAMES.size();
        Path file = dir.resolve("semantic-calibration.json");
        Files.writeString(file, json.writeValueAsString(new Calibration(Features.SEMANTIC_NAMES, new double[n],
                filled(n), new double[n], 0, Map.of(Calibration.EMBEDDING_MODEL, model))));
        return file.toUri().toString();
    }

    private String staleCalibration() throws IOException {
        Path file = dir.resolve("calibration.json");
        Files.writeString(file, json.writeValueAsString(Map.of("features", List.of("classCoverage"),
                "mean", List.of(0.0), "scale", List.of(1.0), "weights", List.of(1.0), "bias", 0.0)));
        return file.toUri().toString();
    }

    private static double[] filled(int n) {
        double[] ones = new double[n];
        Arrays.fill(ones, 1);
        return ones;
    }

    private static MatchProperties properties(String calibration) {
        return new MatchProperties(20000, 5, 0.55, 0.55, 0.78, 0.9, 45, 80, 9, 50, calibration, "");
    }
}
