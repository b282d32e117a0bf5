package nl.duiding.kb.narrative;

import java.util.List;

/**
 * An answer script for one channel.
 *
 * @param coreMessage  kernboodschap: 2-3 sentences that can be said aloud
 * @param say          wat zeg je wel
 * @param avoid        wat zeg je niet (valkuilen)
 * @param askFurther   doorvragen
 * @param referral     doorverwijzen en escaleren
 * @param registration how to register the contact in the CRM as usual
 */
public record Script(String coreMessage, List<String> say, List<String> avoid, List<String> askFurther,
        List<Referral> referral, String registration) {

    public Script {
        say = listOrEmpty(say);
        avoid = listOrEmpty(avoid);
        askFurther = listOrEmpty(askFurther);
        referral = listOrEmpty(referral);
    }

    static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** To whom ({@code communicatie}, {@code oov}, {@code politie}, …) and when. */
    public record Referral(String to, String when) {
    }
}
