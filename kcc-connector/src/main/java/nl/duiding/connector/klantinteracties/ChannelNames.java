package nl.duiding.connector.klantinteracties;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Klantinteracties has {@code kanaal} as free text (max 50); Duiding knows five channels. The common names are
 * built in, a tenant adds its own ({@code kanaal-mapping}); an unknown kanaal is reported, not guessed.
 */
final class ChannelNames {

    private static final Map<String, String> BUILT_IN = Map.ofEntries(
            Map.entry("telefoon", "telefoon"), Map.entry("telefonisch", "telefoon"), Map.entry("phone", "telefoon"),
            Map.entry("balie", "balie"), Map.entry("loket", "balie"), Map.entry("fysiek", "balie"),
            Map.entry("email", "email"), Map.entry("e-mail", "email"), Map.entry("mail", "email"),
            Map.entry("contactformulier", "email"), Map.entry("webformulier", "email"),
            Map.entry("chat", "chat"), Map.entry("livechat", "chat"), Map.entry("whatsapp", "chat"),
            Map.entry("brief", "brief"), Map.entry("post", "brief"), Map.entry("papier", "brief"));

    private final Map<String, String> names = new HashMap<>(BUILT_IN);

    ChannelNames(Map<String, String> extra) {
        extra.forEach((k, v) -> names.put(k.toLowerCase(Locale.ROOT).strip(), v));
    }

    /** The Duiding channel, or null when the kanaal is unknown. */
    String channel(String kanaal) {
        return kanaal == null ? null : names.get(kanaal.toLowerCase(Locale.ROOT).strip());
    }
}
