package nl.duiding.kb.editor;

import java.util.List;
import java.util.Map;

import nl.duiding.kb.narrative.Script;

/**
 * What the card in the agents' sidebar shows, in the order it shows it: title, confidence, kernboodschap, wat zeg
 * je wel, wat zeg je niet, doorvragen, doorverwijzen, registratie. Rendered by
 * {@code templates/fragments/script-card.html}, the one markup the editor's preview and the sidebar share.
 */
public record ScriptCard(String title, String confidence, String channel, String coreMessage, List<String> say,
        List<String> avoid, List<String> askFurther, List<Referral> referral, String registration) {

    /** Names of the departments a script refers to, as the schema's codes are not for reading aloud. */
    private static final Map<String, String> DEPARTMENTS = Map.ofEntries(
            Map.entry("communicatie", "Communicatie"), Map.entry("oov", "Openbare orde en veiligheid (OOV)"),
            Map.entry("juridische-zaken", "Juridische zaken"), Map.entry("belastingen", "Belastingen"),
            Map.entry("burgerzaken", "Burgerzaken"), Map.entry("politie", "Politie"),
            Map.entry("griffie", "Griffie"), Map.entry("teamleider-kcc", "Teamleider KCC"),
            Map.entry("woo-coordinator", "Woo-coördinator"), Map.entry("vakafdeling", "Vakafdeling"),
            Map.entry("ggd", "GGD"));

    public record Referral(String to, String when) {
    }

    public ScriptCard {
        say = List.copyOf(say);
        avoid = List.copyOf(avoid);
        askFurther = List.copyOf(askFurther);
        referral = List.copyOf(referral);
    }

    static ScriptCard of(String title, String confidence, String channel, Script script) {
        return new ScriptCard(title, confidence, channel, script.coreMessage(), script.say(), script.avoid(),
                script.askFurther(), script.referral().stream()
                        .map(r -> new Referral(department(r.to()), r.when())).toList(),
                script.registration());
    }

    static String department(String code) {
        return code == null ? "" : DEPARTMENTS.getOrDefault(code, code);
    }

    static Map<String, String> departments() {
        return DEPARTMENTS;
    }
}
