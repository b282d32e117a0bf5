package nl.duiding.kb.narrative;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An enum written as a Dutch code in files, JSON and query parameters. By default the code is the constant's name in
 * lowercase with dashes ({@code ASIEL_EN_OPVANG} is {@code asiel-en-opvang}); an enum whose codes differ overrides it.
 */
public interface Coded {

    @JsonValue
    default String code() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E> & Coded> E parse(Class<E> type, String code) {
        for (E value : type.getEnumConstants()) {
            if (value.code().equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("Unknown " + type.getSimpleName() + ": " + code);
    }
}
