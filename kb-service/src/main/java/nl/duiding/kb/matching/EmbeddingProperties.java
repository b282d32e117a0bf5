package nl.duiding.kb.matching;

import dev.langchain4j.model.embedding.onnx.PoolingMode;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The optional sentence-embedding model behind the knn part of matching (docs/matching.md, "Embeddings"). With a
 * model, every trigger phrasing and ordinary question is indexed with its vector, each window of a text is embedded,
 * and its nearest phrasings become two more features; the calibration must then be one fitted with the same model.
 *
 * @param model          {@code none}; {@code all-minilm-l6-v2-q}, the small English model that ships on Maven
 *                       Central (weak on Dutch, but measured to help); or {@code onnx}: the files below
 * @param modelFile      with {@code onnx}: the model (a BERT-style sentence encoder exported to ONNX)
 * @param tokenizerFile  with {@code onnx}: its {@code tokenizer.json}
 * @param pooling        with {@code onnx}: how token vectors become one ({@code mean} or {@code cls})
 * @param name           with {@code onnx}: the model's name, recorded in the index and in the calibration so that
 *                       neither is used with another model
 * @param queryPrefix    put before a text to match (models such as e5 expect {@code "query: "})
 * @param documentPrefix put before an indexed phrasing ({@code "passage: "} for e5)
 * @param neighbours     nearest phrasings read per window
 * @param maxWindows     at most this many windows of a text are embedded: all of a shorter text, else those whose
 *                       words lean most to the narratives' language (a 20,000-character letter has up to 80)
 */
@ConfigurationProperties("duiding.matching.embedding")
public record EmbeddingProperties(
        @DefaultValue("none") String model,
        String modelFile,
        String tokenizerFile,
        @DefaultValue("mean") PoolingMode pooling,
        String name,
        @DefaultValue("") String queryPrefix,
        @DefaultValue("") String documentPrefix,
        @DefaultValue("50") int neighbours,
        @DefaultValue("8") int maxWindows) {

    static final String NONE = "none";
    static final String BUNDLED = "all-minilm-l6-v2-q";
    static final String ONNX = "onnx";
}
