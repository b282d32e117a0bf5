package nl.duiding.analysis;

import static nl.duiding.analysis.testing.Tokens.standard;
import static nl.duiding.analysis.testing.Tokens.terms;
import static nl.duiding.analysis.testing.Tokens.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.TokenStream;
import org.junit.jupiter.api.Test;

import nl.duiding.analysis.testing.SettingsProxy;
import nl.duiding.analysis.testing.Tokens.Token;

class DecompoundTokenFilterFactoryTest {

    private static final List<String> WORDS = List.of("gemeenteraad", "gemeente", "raad", "verkiezing", "asielzoeker", "centrum");

    @Test
    void addsThePartsOfGemeenteraadsverkiezingenOnTheSamePosition() {
        var factory = factory(Map.of("words", WORDS));

        assertThat(tokens(factory.create(standard("gemeenteraadsverkiezingen"))))
                .allSatisfy(token -> assertThat(token.position()).isZero())
                .extracting(Token::term)
                .containsExactly("gemeenteraadsverkiezingen", "gemeenteraad", "gemeente", "raad", "verkiezingen");
    }

    @Test
    void onlyLongestMatchKeepsToTheTopLevelParts() {
        var factory = factory(Map.of("words", WORDS, "only_longest_match", "true"));

        assertThat(terms(factory.create(standard("gemeenteraadsverkiezingen"))))
                .containsExactly("gemeenteraadsverkiezingen", "gemeenteraad", "verkiezingen");
    }

    @Test
    void foldsTheWordListLikeTheStream() {
        var factory = factory(Map.of("words", List.of("Oekraïne", "Hulp")));

        assertThat(terms(factory.create(standard("oekrainehulp")))).containsExactly("oekrainehulp", "oekraine", "hulp");
    }

    @Test
    void honoursMinimumSizes() {
        var words = List.of("kip", "hok");

        assertThat(terms(factory(Map.of("words", words)).create(standard("kippenhok"))))
                .containsExactly("kippenhok", "kip", "hok");
        assertThat(terms(factory(Map.of("words", words, "min_subword_size", "4")).create(standard("kippenhok"))))
                .containsExactly("kippenhok");
        assertThat(terms(factory(Map.of("words", words, "min_word_size", "10")).create(standard("kippenhok"))))
                .containsExactly("kippenhok");
    }

    @Test
    void leavesTheCompoundsOfSynonymsWhole() {
        var synonyms = new SynonymsTokenFilterFactory(SettingsProxy.of(SynonymSettings.class,
                Map.of("synonyms", List.of("azc, asielzoekerscentrum"))));
        var factory = factory(Map.of("words", WORDS));

        // The writer said "azc": "centrum" would find every text about the town centre.
        assertThat(terms(factory.create(synonyms.create(standard("azc")))))
                .containsExactlyInAnyOrder("azc", "asielzoekerscentrum");
        // The writer's own compound is still split.
        assertThat(terms(factory.create(synonyms.create(standard("asielzoekerscentrum")))))
                .contains("asielzoekerscentrum", "azc", "asielzoeker", "centrum");
    }

    @Test
    void withoutWordsPassesTokensThrough() {
        TokenStream stream = factory(Map.of()).create(standard("asielzoekerscentrum"));

        assertThat(terms(stream)).containsExactly("asielzoekerscentrum");
    }

    @Test
    void rejectsSizesBelowOne() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> factory(Map.of("words", WORDS, "min_subword_size", "0")))
                .withMessageContaining("min_subword_size");
    }

    private static DecompoundTokenFilterFactory factory(Map<String, ?> settings) {
        return new DecompoundTokenFilterFactory(SettingsProxy.of(DecompoundSettings.class, settings));
    }
}
