package nl.duiding.analysis;

import static nl.duiding.analysis.testing.Tokens.standard;
import static nl.duiding.analysis.testing.Tokens.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.duiding.analysis.testing.SettingsProxy;
import nl.duiding.analysis.testing.Tokens.Token;

class StopTokenFilterFactoryTest {

    @Test
    void removesDutchStopwordsByDefaultAndKeepsTheGapInPositions() {
        var factory = new StopTokenFilterFactory(SettingsProxy.defaults(StopSettings.class));

        assertThat(tokens(factory.create(standard("de vaccinatie van het kind"))))
                .extracting(Token::term, Token::position)
                .containsExactly(
                        tuple("vaccinatie", 1),
                        tuple("kind", 4));
    }

    @Test
    void stopwordsSettingReplacesTheList() {
        var factory = new StopTokenFilterFactory(SettingsProxy.of(StopSettings.class,
                Map.of("stopwords", List.of("graag", "even"))));

        assertThat(terms(factory, "graag even de gemeente")).containsExactly("de", "gemeente");
    }

    @Test
    void dutchPlaceholderExtendsTheDefaultList() {
        var factory = new StopTokenFilterFactory(SettingsProxy.of(StopSettings.class,
                Map.of("stopwords", List.of("_dutch_", "graag"))));

        assertThat(terms(factory, "graag even de gemeente")).containsExactly("even", "gemeente");
    }

    private static List<String> terms(StopTokenFilterFactory factory, String text) {
        return tokens(factory.create(standard(text))).stream().map(Token::term).toList();
    }
}
