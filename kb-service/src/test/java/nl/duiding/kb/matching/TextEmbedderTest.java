package nl.duiding.kb.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.langchain4j.model.embedding.onnx.PoolingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextEmbedderTest {

    @Test
    void withoutAModelMatchingWorksOnWordsAlone() {
        TextEmbedder embedder = new TextEmbedder(CalibrationHolderTest.embedding(EmbeddingProperties.NONE));

        assertThat(embedder.enabled()).isFalse();
        assertThat(embedder.modelId()).isEqualTo("none");
    }

    @Test
    void theBundledModelPutsARumourCloserToItsRetellingThanToAnOrdinaryQuestion() {
        TextEmbedder embedder = new TextEmbedder(CalibrationHolderTest.embedding(EmbeddingProperties.BUNDLED));

        List<float[]> vectors = embedder.queries(List.of(
                "de straling van de nieuwe 5G-mast maakt de kinderen ziek",
                "sinds die 5G antenne er staat zijn mijn kinderen ziek van de straling",
                "wanneer wordt het grofvuil in onze straat opgehaald"));

        assertThat(embedder.modelId()).isEqualTo("all-minilm-l6-v2-q");
        assertThat(vectors).allSatisfy(v -> assertThat(v).hasSize(384));
        assertThat(cosine(vectors.get(0), vectors.get(1))).isGreaterThan(cosine(vectors.get(0), vectors.get(2)) + 0.2);
    }

    @Test
    void readsAModelTheMunicipalityProvidesFromFiles(@TempDir Path dir) throws IOException {
        // The bundled model's own files stand in for a Dutch model: same format, known vectors.
        Path model = copy("/all-minilm-l6-v2-q.onnx", dir.resolve("model.onnx"));
        Path tokenizer = copy("/all-minilm-l6-v2-q-tokenizer.json", dir.resolve("tokenizer.json"));
        TextEmbedder fromFiles = new TextEmbedder(new EmbeddingProperties(EmbeddingProperties.ONNX, model.toString(),
                tokenizer.toString(), PoolingMode.MEAN, "minilm-uit-bestand", "", "", 50, 8));
        TextEmbedder bundled = new TextEmbedder(CalibrationHolderTest.embedding(EmbeddingProperties.BUNDLED));
        String text = "ze hangen kastjes met zenders in de lantaarnpalen";

        assertThat(fromFiles.modelId()).isEqualTo("minilm-uit-bestand");
        assertThat(cosine(fromFiles.documents(List.of(text)).getFirst(), bundled.documents(List.of(text)).getFirst()))
                .isGreaterThan(0.999);
    }

    @Test
    void refusesAnOnnxModelWithoutAName(@TempDir Path dir) throws IOException {
        Path model = copy("/all-minilm-l6-v2-q.onnx", dir.resolve("model.onnx"));
        Path tokenizer = copy("/all-minilm-l6-v2-q-tokenizer.json", dir.resolve("tokenizer.json"));

        assertThatThrownBy(() -> new TextEmbedder(new EmbeddingProperties(EmbeddingProperties.ONNX, model.toString(),
                tokenizer.toString(), PoolingMode.MEAN, " ", "", "", 50, 8)))
                .hasMessageContaining("duiding.matching.embedding.name must name the ONNX model");
    }

    private static Path copy(String resource, Path target) throws IOException {
        try (InputStream in = TextEmbedderTest.class.getResourceAsStream(resource)) {
            Files.copy(in, target);
        }
        return target;
    }

    @Test
    void refusesAnUnknownModel() {
        assertThatThrownBy(() -> new TextEmbedder(CalibrationHolderTest.embedding("gpt")))
                .hasMessageContaining("must be none, all-minilm-l6-v2-q or onnx, not 'gpt'");
    }

    @Test
    void refusesAnOnnxModelWithoutItsFiles() {
        EmbeddingProperties properties = new EmbeddingProperties(EmbeddingProperties.ONNX, "/nonexistent/model.onnx",
                null, PoolingMode.MEAN, "e5-small", "query: ", "passage: ", 50, 8);

        assertThatThrownBy(() -> new TextEmbedder(properties))
                .hasMessageContaining("duiding.matching.embedding.model-file must name a readable file");
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
