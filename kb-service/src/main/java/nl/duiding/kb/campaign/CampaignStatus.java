package nl.duiding.kb.campaign;

import com.fasterxml.jackson.annotation.JsonValue;

/** gedetecteerd → bevestigd (by an analyst) → afgesloten. */
public enum CampaignStatus {
    GEDETECTEERD, BEVESTIGD, AFGESLOTEN;

    @JsonValue
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static CampaignStatus fromCode(String code) {
        for (CampaignStatus status : values()) {
            if (status.code().equals(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown campaign status: " + code);
    }

    public boolean active() {
        return this != AFGESLOTEN;
    }
}
