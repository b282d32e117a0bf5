package nl.duiding.analysis.testing;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.IntSetting;
import org.elasticsearch.plugin.settings.ListSetting;
import org.elasticsearch.plugin.settings.LongSetting;
import org.elasticsearch.plugin.settings.StringSetting;

/**
 * Builds an implementation of an {@code @AnalysisSettings} interface from index-settings values the
 * way Elasticsearch does: each method answers the value at its annotation's path, parsed from its
 * string form, or the annotation's default; a missing list is empty. Tests thereby also cover the
 * paths and defaults declared on the interfaces.
 */
public final class SettingsProxy {

    private SettingsProxy() {
    }

    public static <T> T of(Class<T> settingsInterface, Map<String, ?> values) {
        if (!settingsInterface.isAnnotationPresent(AnalysisSettings.class)) {
            throw new IllegalArgumentException(settingsInterface + " is not annotated with @AnalysisSettings");
        }
        Object proxy = Proxy.newProxyInstance(settingsInterface.getClassLoader(), new Class<?>[] {settingsInterface},
                (self, method, args) -> valueFor(method, values));
        return settingsInterface.cast(proxy);
    }

    public static <T> T defaults(Class<T> settingsInterface) {
        return of(settingsInterface, Map.of());
    }

    private static Object valueFor(Method method, Map<String, ?> values) {
        if (method.getAnnotations().length != 1) {
            throw new IllegalStateException(method + " must carry exactly one setting annotation");
        }
        if (method.getAnnotation(ListSetting.class) instanceof ListSetting setting) {
            Object value = values.get(setting.path());
            return value == null ? List.of() : value;
        }
        if (method.getAnnotation(IntSetting.class) instanceof IntSetting setting) {
            return values.containsKey(setting.path()) ? Integer.valueOf(text(values, setting.path())) : setting.defaultValue();
        }
        if (method.getAnnotation(LongSetting.class) instanceof LongSetting setting) {
            return values.containsKey(setting.path()) ? Long.valueOf(text(values, setting.path())) : setting.defaultValue();
        }
        if (method.getAnnotation(BooleanSetting.class) instanceof BooleanSetting setting) {
            return values.containsKey(setting.path()) ? Boolean.valueOf(text(values, setting.path())) : setting.defaultValue();
        }
        if (method.getAnnotation(StringSetting.class) instanceof StringSetting setting) {
            return values.containsKey(setting.path()) ? text(values, setting.path()) : setting.defaultValue();
        }
        throw new IllegalStateException(method + " has no setting annotation");
    }

    private static String text(Map<String, ?> values, String path) {
        return String.valueOf(values.get(path));
    }
}
