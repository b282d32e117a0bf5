package nl.duiding.connector.support;

import java.io.IOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * Starts (or reuses) the real kb-service before a test class and points the connector under test at it through
 * system properties, together with per-run random secrets for the demo tenant GM0363 and a temporary state folder.
 * Register it before {@code @SpringBootTest} so the properties are there when the context starts. Test methods may
 * take a {@link KbServiceProcess} parameter.
 */
public final class KbServiceExtension implements BeforeAllCallback, TestInstancePostProcessor, ParameterResolver {

    public static final String TENANT = "GM0363";

    /** Runs before Spring's extension creates the context of a PER_CLASS test instance. */
    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws IOException {
        beforeAll(context);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        KbServiceProcess kb = KbServiceProcess.shared(context);
        kb.start();
        System.setProperty("duiding.kb.url", kb.url());
        System.setProperty("duiding.kb.username", KbServiceProcess.USER);
        System.setProperty("duiding.kb.password", kb.password());
        setOnce("duiding.security.resident-hash-key", randomKey());
        setOnce("duiding.tenants." + TENANT + ".launch-secret", randomKey());
        setOnce("duiding.tenants." + TENANT + ".webhook.secret", randomKey());
        if (System.getProperty("duiding.state-dir") == null) {
            System.setProperty("duiding.state-dir", Files.createTempDirectory("connector-it").toString());
        }
    }

    public static String launchSecret() {
        return System.getProperty("duiding.tenants." + TENANT + ".launch-secret");
    }

    public static String webhookSecret() {
        return System.getProperty("duiding.tenants." + TENANT + ".webhook.secret");
    }

    private static void setOnce(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return HexFormat.of().formatHex(key);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == KbServiceProcess.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return KbServiceProcess.shared(extension);
    }
}
