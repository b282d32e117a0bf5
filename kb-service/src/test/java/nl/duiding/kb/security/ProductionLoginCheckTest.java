package nl.duiding.kb.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.duiding.kb.KbServiceApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/** The production profile refuses local passwords and a missing identity provider, and says so plainly. */
@ExtendWith(OutputCaptureExtension.class)
class ProductionLoginCheckTest {

    private static final String JWT = "spring.security.oauth2.resourceserver.jwt.";
    private static final String CLIENT = "spring.security.oauth2.client.";

    @Test
    void acceptsAnIdentityProviderWithAudienceAndNoLocalUsers() {
        ProductionLoginCheck.check(production());
    }

    @Test
    void refusesALocalUsersFile() {
        assertThatThrownBy(() -> ProductionLoginCheck.check(production()
                .withProperty("duiding.security.local-users-file", "/tmp/users.properties")))
                .isInstanceOf(InsecureLoginSetup.class).hasMessageContaining("local users file");
    }

    @Test
    void refusesAMissingIssuerAndAudience() {
        assertThatThrownBy(() -> ProductionLoginCheck.check(new MockEnvironment()))
                .isInstanceOf(InsecureLoginSetup.class).hasMessageContaining("no identity provider")
                .hasMessageContaining("no audience");
        assertThatThrownBy(() -> ProductionLoginCheck.check(new MockEnvironment().withProperty(JWT + "issuer-uri", "")
                .withProperty(JWT + "audiences", "duiding-kb"))).hasMessageContaining("no identity provider");
    }

    @Test
    void acceptsAnEditorLoginThroughOpenIdConnectWithAnIssuer() {
        ProductionLoginCheck.check(editorLogin(production()));
    }

    @Test
    void refusesAnEditorLoginThatIsNotOpenIdConnectOrHasNoIssuer() {
        assertThatThrownBy(() -> ProductionLoginCheck.check(editorLogin(production())
                .withProperty(CLIENT + "registration.gemeente.scope", "profile,email")))
                .isInstanceOf(InsecureLoginSetup.class).hasMessageContaining("scope 'openid'");
        assertThatThrownBy(() -> ProductionLoginCheck.check(editorLogin(production())
                .withProperty(CLIENT + "provider.gemeente.issuer-uri", "")))
                .isInstanceOf(InsecureLoginSetup.class).hasMessageContaining("has no issuer");
        // A client-credentials registration is no login and needs neither.
        ProductionLoginCheck.check(production()
                .withProperty(CLIENT + "registration.dienst.authorization-grant-type", "client_credentials")
                .withProperty(CLIENT + "registration.dienst.client-id", "duiding"));
    }

    @Test
    void stopsTheApplicationBeforeItTouchesAnythingWithAPlainMessage(CapturedOutput output) {
        var application = new SpringApplicationBuilder(KbServiceApplication.class).profiles("prod")
                .properties("duiding.security.local-users-file=/tmp/users.properties",
                        // Nothing listens here: the check must stop start-up before Elasticsearch is asked anything.
                        "spring.elasticsearch.uris=http://127.0.0.1:1", "server.port=0");
        assertThatThrownBy(application::run).isInstanceOf(InsecureLoginSetup.class);
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("kb-service will not start in the 'prod' profile")
                .contains("a local users file is configured")
                .contains("no identity provider is configured")
                .doesNotContain("Waiting for Elasticsearch");
    }

    private static MockEnvironment editorLogin(MockEnvironment environment) {
        return environment.withProperty(CLIENT + "registration.gemeente.client-id", "duiding-redactie")
                .withProperty(CLIENT + "registration.gemeente.scope", "openid,profile")
                .withProperty(CLIENT + "provider.gemeente.issuer-uri", "https://idp.gemeente.test/realms/kcc");
    }

    private static MockEnvironment production() {
        return new MockEnvironment().withProperty(JWT + "issuer-uri", "https://idp.gemeente.test/realms/kcc")
                .withProperty(JWT + "audiences", "duiding-kb");
    }
}
