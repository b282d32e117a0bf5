package nl.duiding.kb.editor;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dutch names for field paths ({@code scripts.chat.say[2]} becomes "Chat – wat zeg je wel, regel 3"). */
public final class FieldLabels {

    private static final Pattern INDEXED = Pattern.compile("^(.*?)\\[(\\d+)](?:\\.(.*))?$");

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("status", "Status"), Map.entry("slug", "Slug"), Map.entry("tenant", "Organisatie"),
            Map.entry("title", "Titel"), Map.entry("summary", "Samenvatting"), Map.entry("category", "Categorie"),
            Map.entry("tags", "Trefwoorden"), Map.entry("risk", "Risico"), Map.entry("validFrom", "Geldig vanaf"),
            Map.entry("validUntil", "Geldig tot en met"), Map.entry("reviewBy", "Herzien vóór"),
            Map.entry("triggers", "Triggerformulering"), Map.entry("legalPosition", "Juridische positie"),
            Map.entry("legalBasis", "Wettelijke grondslag"), Map.entry("safetySignals", "Veiligheidssignaal"),
            Map.entry("playbook", "Draaiboek"), Map.entry("standardAnswer", "standaardantwoord"),
            Map.entry("steps", "stap"), Map.entry("sources", "Bron"), Map.entry("related", "Verwant verhaal"),
            Map.entry("background", "Achtergrond"), Map.entry("coreMessage", "kernboodschap"),
            Map.entry("say", "wat zeg je wel"), Map.entry("avoid", "wat zeg je niet"),
            Map.entry("askFurther", "doorvragen"), Map.entry("referral", "doorverwijzen"),
            Map.entry("to", "naar"), Map.entry("when", "wanneer"), Map.entry("registration", "registratie"),
            Map.entry("citation", "wet of artikel"), Map.entry("url", "adres"), Map.entry("publisher", "uitgever"),
            Map.entry("placeholder", "eigen pagina gemeente"), Map.entry("telefoon", "Telefoon en balie"),
            Map.entry("email", "E-mail en brief"), Map.entry("chat", "Chat"));

    private FieldLabels() {
    }

    public static String of(String path) {
        if (path.startsWith("scripts.")) {
            String rest = path.substring("scripts.".length());
            int dot = rest.indexOf('.');
            String channel = dot < 0 ? rest : rest.substring(0, dot);
            return NAMES.getOrDefault(channel, channel) + (dot < 0 ? "" : " – " + of(rest.substring(dot + 1)));
        }
        if (path.startsWith("playbook.")) {
            return "Draaiboek – " + of(path.substring("playbook.".length()));
        }
        Matcher m = INDEXED.matcher(path);
        if (m.matches()) {
            String name = NAMES.getOrDefault(m.group(1), m.group(1)) + " " + (Integer.parseInt(m.group(2)) + 1);
            return m.group(3) == null ? name : name + ", " + of(m.group(3)).toLowerCase(java.util.Locale.ROOT);
        }
        return NAMES.getOrDefault(path, path);
    }
}
