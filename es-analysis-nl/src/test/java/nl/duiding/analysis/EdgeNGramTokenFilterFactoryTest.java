package nl.duiding.analysis;

import static nl.duiding.analysis.testing.Tokens.standard;
import static nl.duiding.analysis.testing.Tokens.terms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.duiding.analysis.testing.SettingsProxy;

class EdgeNGramTokenFilterFactoryTest {

    @Test
    void emitsPrefixesFromTwoLettersByDefault() {
        var factory = new EdgeNGramTokenFilterFactory(SettingsProxy.defaults(EdgeNGramSettings.class));

        assertThat(terms(factory.create(standard("vaccin")))).containsExactly("va", "vac", "vacc", "vacci", "vaccin");
    }

    @Test
    void keepsWordsLongerThanMaxGramWholeByDefault() {
        var factory = new EdgeNGramTokenFilterFactory(SettingsProxy.of(EdgeNGramSettings.class,
                Map.of("min_gram", "3", "max_gram", "4")));

        assertThat(terms(factory.create(standard("asielzoeker")))).containsExactly("asi", "asie", "asielzoeker");
    }

    @Test
    void preserveOriginalFalseDropsTheWholeWord() {
        var factory = new EdgeNGramTokenFilterFactory(SettingsProxy.of(EdgeNGramSettings.class,
                Map.of("min_gram", "3", "max_gram", "4", "preserve_original", "false")));

        assertThat(terms(factory.create(standard("asielzoeker")))).containsExactly("asi", "asie");
    }

    @Test
    void rejectsMaxGramBelowMinGram() {
        var settings = SettingsProxy.of(EdgeNGramSettings.class, Map.of("min_gram", "5", "max_gram", "3"));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new EdgeNGramTokenFilterFactory(settings))
                .withMessageContaining("min_gram=5, max_gram=3");
    }
}
