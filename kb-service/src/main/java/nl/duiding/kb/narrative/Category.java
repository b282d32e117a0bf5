package nl.duiding.kb.narrative;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

public enum Category implements Coded {
    ASIEL_EN_OPVANG("asiel-en-opvang"),
    LOKAAL_INCIDENT("lokaal-incident"),
    GEZONDHEID("gezondheid"),
    VERKIEZINGEN("verkiezingen"),
    OVERHEID_EN_DEMOCRATIE("overheid-en-democratie"),
    KLIMAAT_EN_ENERGIE("klimaat-en-energie"),
    SOEVEREINEN("soevereinen"),
    BELACTIE_VORM("belactie-vorm");

    private final String code;

    Category(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static Category fromCode(String code) {
        return Coded.parse(Category.class, code);
    }
}
