package nl.duiding.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.elasticsearch.plugin.Extensible;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.junit.jupiter.api.Test;

import nl.duiding.analysis.testing.Json;

/**
 * Elasticsearch finds our components only through named_components.json, which its Gradle tooling
 * would normally generate from the annotations. We write it by hand, so this test keeps the two in
 * step and checks the rules Elasticsearch applies when it instantiates a component.
 */
class NamedComponentsFileTest {

    private static final Path NAMED_COMPONENTS = Path.of("src/main/plugin-metadata/named_components.json");

    @Test
    void fileListsExactlyTheAnnotatedComponents() throws Exception {
        Map<String, Object> declared = Json.parseObject(Files.readString(NAMED_COMPONENTS));

        assertThat(declared)
                .as("%s (actual) against the @NamedComponent classes (expected)", NAMED_COMPONENTS)
                .isEqualTo(componentsByExtensible(annotatedComponents()));
    }

    @Test
    void everyComponentNameCarriesTheDuidingPrefix() throws Exception {
        assertThat(annotatedComponents())
                .extracting(type -> type.getAnnotation(NamedComponent.class).value())
                .isNotEmpty()
                .allSatisfy(name -> assertThat(name).startsWith("duiding_"));
    }

    @Test
    void everyComponentHasOnePublicConstructorThatElasticsearchCanCall() throws Exception {
        for (Class<?> component : annotatedComponents()) {
            Constructor<?>[] constructors = component.getConstructors();
            assertThat(constructors).as("public constructors of %s", component).hasSize(1);
            Constructor<?> constructor = constructors[0];
            if (constructor.getParameterCount() > 0) {
                assertThat(constructor.isAnnotationPresent(Inject.class)).as("@Inject on %s", constructor).isTrue();
                assertThat(constructor.getParameterTypes())
                        .allSatisfy(type -> assertThat(type.isAnnotationPresent(AnalysisSettings.class))
                                .as("@AnalysisSettings on %s", type).isTrue());
            }
        }
    }

    private static Map<String, Object> componentsByExtensible(List<Class<?>> components) {
        Map<String, Object> byExtensible = new TreeMap<>();
        for (Class<?> component : components) {
            @SuppressWarnings("unchecked")
            Map<String, Object> named = (Map<String, Object>) byExtensible
                    .computeIfAbsent(extensibleOf(component).getCanonicalName(), key -> new TreeMap<String, Object>());
            named.put(component.getAnnotation(NamedComponent.class).value(), component.getName());
        }
        return byExtensible;
    }

    /** The interface marked {@code @Extensible} (TokenFilterFactory, AnalyzerFactory, …) the component implements. */
    private static Class<?> extensibleOf(Class<?> component) {
        Deque<Class<?>> toVisit = new ArrayDeque<>(List.of(component.getInterfaces()));
        while (!toVisit.isEmpty()) {
            Class<?> type = toVisit.pop();
            if (type.isAnnotationPresent(Extensible.class)) {
                return type;
            }
            toVisit.addAll(List.of(type.getInterfaces()));
        }
        throw new AssertionError(component + " implements no @Extensible interface");
    }

    private static List<Class<?>> annotatedComponents() throws IOException, URISyntaxException {
        Path classes = Path.of(LowercaseTokenFilterFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            return files
                    .filter(file -> file.toString().endsWith(".class"))
                    .map(file -> className(classes, file))
                    .map(NamedComponentsFileTest::load)
                    .filter(type -> type.isAnnotationPresent(NamedComponent.class))
                    .filter(type -> !Modifier.isAbstract(type.getModifiers()))
                    .toList();
        }
    }

    private static String className(Path root, Path classFile) {
        String relative = root.relativize(classFile).toString();
        return relative.substring(0, relative.length() - ".class".length()).replace(classFile.getFileSystem().getSeparator(), ".");
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, NamedComponentsFileTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
