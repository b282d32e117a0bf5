package nl.duiding.kb.narrative;

/** An enum written as a Dutch code in files, JSON and query parameters. */
public interface Coded {

    String code();

    static <E extends Enum<E> & Coded> E parse(Class<E> type, String code) {
        for (E value : type.getEnumConstants()) {
            if (value.code().equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("Unknown " + type.getSimpleName() + ": " + code);
    }
}
