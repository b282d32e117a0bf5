package nl.duiding.kb.narrative;

import com.fasterxml.jackson.annotation.JsonCreator;

public enum Category implements Coded {
    ASIEL_EN_OPVANG,
    LOKAAL_INCIDENT,
    GEZONDHEID,
    VERKIEZINGEN,
    OVERHEID_EN_DEMOCRATIE,
    KLIMAAT_EN_ENERGIE,
    SOEVEREINEN,
    BELACTIE_VORM;


    @JsonCreator
    public static Category fromCode(String code) {
        return Coded.parse(Category.class, code);
    }
}
