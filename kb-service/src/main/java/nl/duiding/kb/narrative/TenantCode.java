package nl.duiding.kb.narrative;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Who a narrative belongs to: {@code nationaal}, or a municipality by its CBS gemeentecode (GM0363). */
public record TenantCode(String value) {

    public static final TenantCode NATIONAL = new TenantCode("nationaal");

    @JsonCreator
    public TenantCode {
        if (value == null || !(value.equals("nationaal") || value.matches("GM[0-9]{4}"))) {
            throw new IllegalArgumentException("Not a tenant: " + value + " (nationaal or GM followed by 4 digits)");
        }
    }

    public boolean isNational() {
        return equals(NATIONAL);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
