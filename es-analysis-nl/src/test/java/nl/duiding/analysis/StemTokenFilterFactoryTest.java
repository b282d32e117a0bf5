package nl.duiding.analysis;

import static nl.duiding.analysis.testing.Tokens.standard;
import static nl.duiding.analysis.testing.Tokens.terms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.duiding.analysis.testing.SettingsProxy;

class StemTokenFilterFactoryTest {

    @Test
    void stemsSoSingularAndPluralMeet() {
        var factory = new StemTokenFilterFactory(SettingsProxy.defaults(StemSettings.class));

        assertThat(terms(factory.create(standard("vaccinatie vaccinaties verkiezing verkiezingen"))))
                .containsExactly("vaccinatie", "vaccinatie", "verkiez", "verkiez");
    }

    @Test
    void overridesSettingMakesGeteldMeetTellen() {
        var factory = new StemTokenFilterFactory(SettingsProxy.of(StemSettings.class,
                Map.of("overrides", List.of("geteld => tell"))));

        assertThat(terms(factory.create(standard("geteld tellen")))).containsExactly("tell", "tell");
    }

    @Test
    void malformedOverrideFailsWithAMessageNamingIt() {
        var settings = SettingsProxy.of(StemSettings.class, Map.of("overrides", List.of("geteld -> tell")));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new StemTokenFilterFactory(settings))
                .withMessageContaining("[geteld -> tell]");
    }
}
