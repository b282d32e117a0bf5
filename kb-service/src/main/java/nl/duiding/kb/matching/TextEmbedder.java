package nl.duiding.kb.matching;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

/**
 * Sentence vectors for matching, when a model is configured ({@link EmbeddingProperties}); otherwise
 * {@link #enabled()} is false and matching works on words alone. The model runs in this process (ONNX Runtime), so
 * no text leaves kb-service.
 */
@Component
class TextEmbedder {

    private final EmbeddingProperties properties;
    private final EmbeddingModel model;
    private final String modelId;
    private final ExecutorService waiting = Executors.newVirtualThreadPerTaskExecutor();

    TextEmbedder(EmbeddingProperties properties) {
        this.properties = properties;
        String kind = properties.model() == null ? EmbeddingProperties.NONE : properties.model().trim();
        switch (kind) {
            case EmbeddingProperties.NONE -> {
                this.model = null;
                this.modelId = EmbeddingProperties.NONE;
            }
            case EmbeddingProperties.BUNDLED -> {
                this.model = new AllMiniLmL6V2QuantizedEmbeddingModel();
                this.modelId = EmbeddingProperties.BUNDLED;
            }
            case EmbeddingProperties.ONNX -> {
                Path modelFile = readable(properties.modelFile(), "model-file");
                Path tokenizerFile = readable(properties.tokenizerFile(), "tokenizer-file");
                if (properties.name() == null || properties.name().isBlank()) {
                    throw new IllegalStateException("duiding.matching.embedding.name must name the ONNX model, so "
                            + "that the index and the calibration record which model they were made with");
                }
                this.model = new OnnxEmbeddingModel(modelFile, tokenizerFile, properties.pooling());
                this.modelId = properties.name().trim();
            }
            default -> throw new IllegalStateException("duiding.matching.embedding.model must be none, "
                    + EmbeddingProperties.BUNDLED + " or onnx, not '" + kind + "'");
        }
    }

    boolean enabled() {
        return model != null;
    }

    /** The model's name ({@code none} without one); stored with vectors and calibrations made with it. */
    String modelId() {
        return modelId;
    }

    int neighbours() {
        return properties.neighbours();
    }

    int maxWindows() {
        return properties.maxWindows();
    }

    /** Vectors for texts to match (with the query prefix), in order. */
    List<float[]> queries(List<String> texts) {
        return embed(texts, properties.queryPrefix());
    }

    /**
     * {@link #queries} on another thread, so that the caller can meanwhile do its own work (the word search). The
     * model spreads a call's texts over its own threads; this one only waits for them, so a virtual thread does.
     */
    CompletableFuture<List<float[]>> queriesAsync(List<String> texts) {
        return CompletableFuture.supplyAsync(() -> queries(texts), waiting);
    }

    /** Vectors for phrasings to index (with the document prefix), in order. */
    List<float[]> documents(List<String> texts) {
        return embed(texts, properties.documentPrefix());
    }

    private List<float[]> embed(List<String> texts, String prefix) {
        if (model == null) {
            throw new IllegalStateException("No embedding model configured");
        }
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(prefix + t)).toList();
        return model.embedAll(segments).content().stream().map(Embedding::vector).toList();
    }

    @PreDestroy
    void stop() {
        waiting.shutdownNow();
    }

    private static Path readable(String file, String property) {
        if (file == null || file.isBlank() || !Files.isReadable(Path.of(file))) {
            throw new IllegalStateException("duiding.matching.embedding." + property
                    + " must name a readable file with embedding model onnx, not '" + file + "'");
        }
        return Path.of(file);
    }
}
