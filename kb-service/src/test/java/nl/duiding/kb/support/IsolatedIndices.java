package nl.duiding.kb.support;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Indices of one test class on the real test node: a prefix of its own, handed to kb-service, and every index and
 * template under it removed after the class (after its own {@code @AfterAll} methods). Register it as a static
 * field with {@code @RegisterExtension} and pass the registry from the class's {@code @DynamicPropertySource}.
 */
public final class IsolatedIndices implements AfterAllCallback {

    private final String prefix = TestIndices.randomPrefix();

    public String prefix() {
        return prefix;
    }

    /** The class's index prefix. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("duiding.index.prefix", () -> prefix);
    }

    /** The class's index prefix and the test users ({@link TestUsers}) for HTTP Basic. */
    public void registerWithTestUsers(DynamicPropertyRegistry registry) {
        register(registry);
        registry.add("duiding.security.local-users-file", () -> TestUsers.writeFile().toString());
    }

    /**
     * The class's index prefix, the test users and the repository's content library, imported on start as a start
     * does it (an absolute path: under a real servlet container a relative one would be read as a web resource).
     */
    public void registerWithLibrary(DynamicPropertyRegistry registry) {
        registerWithTestUsers(registry);
        registry.add("duiding.content.dir", () -> Path.of("../content").toAbsolutePath().normalize().toString());
        registry.add("duiding.content.import-on-start", () -> "true");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        TestIndices.deleteAll(prefix);
    }
}
