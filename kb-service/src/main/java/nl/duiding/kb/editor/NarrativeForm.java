package nl.duiding.kb.editor;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import nl.duiding.kb.narrative.Category;
import nl.duiding.kb.narrative.Narrative;
import nl.duiding.kb.narrative.Risk;
import nl.duiding.kb.narrative.Script;
import nl.duiding.kb.narrative.ScriptChannel;
import nl.duiding.kb.narrative.Scripts;
import nl.duiding.kb.narrative.Slug;
import nl.duiding.kb.narrative.TenantCode;
import org.springframework.util.MultiValueMap;

/**
 * The editor's form as the editor typed it: every field by its name ({@code title}, {@code scripts.chat.say},
 * {@code sources[1].url}) with its raw text, so a page that comes back with errors or a conflict shows exactly what
 * was entered. List fields are one item per line; referrals, sources and citations are rows.
 */
public final class NarrativeForm {

    /** Fields holding one item per line. */
    static final List<String> LINE_FIELDS = List.of("tags", "triggers", "safetySignals", "related", "playbook.steps",
            "say", "avoid", "askFurther");
    /** Empty rows offered below the filled ones, so a new referral or source needs no script. */
    private static final int SPARE_ROWS = 2;
    private static final int MAX_ROWS = 20;

    private final Map<String, String> values;
    private final FieldErrors errors;

    private NarrativeForm(Map<String, String> values, FieldErrors errors) {
        this.values = values;
        this.errors = errors;
    }

    /** An empty form for a new narrative of {@code tenant}. */
    static NarrativeForm blank(TenantCode tenant) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("tenant", tenant.value());
        return new NarrativeForm(values, new FieldErrors());
    }

    static NarrativeForm of(Narrative n) {
        Map<String, String> v = new LinkedHashMap<>();
        put(v, "slug", n.slug() == null ? null : n.slug().value());
        put(v, "tenant", n.tenant().value());
        put(v, "title", n.title());
        put(v, "summary", n.summary());
        put(v, "category", n.category() == null ? null : n.category().code());
        put(v, "risk", n.risk() == null ? null : n.risk().code());
        put(v, "tags", lines(n.tags()));
        put(v, "validFrom", date(n.validFrom()));
        put(v, "validUntil", date(n.validUntil()));
        put(v, "reviewBy", date(n.reviewBy()));
        put(v, "triggers", lines(n.triggers()));
        for (ScriptChannel channel : ScriptChannel.values()) {
            Script s = n.scripts() == null ? null : n.scripts().forChannel(channel);
            if (s == null) {
                continue;
            }
            String p = "scripts." + channel.code() + ".";
            put(v, p + "coreMessage", s.coreMessage());
            put(v, p + "say", lines(s.say()));
            put(v, p + "avoid", lines(s.avoid()));
            put(v, p + "askFurther", lines(s.askFurther()));
            for (int i = 0; i < s.referral().size(); i++) {
                put(v, p + "referral[" + i + "].to", s.referral().get(i).to());
                put(v, p + "referral[" + i + "].when", s.referral().get(i).when());
            }
            put(v, p + "registration", s.registration());
        }
        put(v, "legalPosition", n.legalPosition());
        for (int i = 0; i < n.legalBasis().size(); i++) {
            put(v, "legalBasis[" + i + "].citation", n.legalBasis().get(i).citation());
            put(v, "legalBasis[" + i + "].url", n.legalBasis().get(i).url());
        }
        put(v, "safetySignals", lines(n.safetySignals()));
        if (n.playbook() != null) {
            put(v, "playbook.standardAnswer", n.playbook().standardAnswer());
            put(v, "playbook.steps", lines(n.playbook().steps()));
        }
        for (int i = 0; i < n.sources().size(); i++) {
            Narrative.Source source = n.sources().get(i);
            put(v, "sources[" + i + "].title", source.title());
            put(v, "sources[" + i + "].url", source.url());
            put(v, "sources[" + i + "].publisher", source.publisher());
            if (source.placeholder()) {
                v.put("sources[" + i + "].placeholder", "true");
            }
        }
        put(v, "related", lines(n.related().stream().map(Slug::value).toList()));
        put(v, "background", n.background());
        return new NarrativeForm(v, new FieldErrors());
    }

    /** What the browser sent; only known field names are kept. */
    static NarrativeForm from(MultiValueMap<String, String> params) {
        Map<String, String> v = new LinkedHashMap<>();
        params.forEach((name, list) -> {
            if (isField(name) && !list.isEmpty()) {
                // Browsers send CRLF in textareas; the stored text uses LF.
                v.put(name, String.join("\n", list).replace("\r\n", "\n"));
            }
        });
        return new NarrativeForm(v, new FieldErrors());
    }

    private static boolean isField(String name) {
        return name.matches("(slug|tenant|title|summary|category|risk|tags|validFrom|validUntil|reviewBy|triggers"
                + "|legalPosition|safetySignals|related|background|playbook\\.(standardAnswer|steps)"
                + "|scripts\\.(telefoon|email|chat)\\.(coreMessage|say|avoid|askFurther|registration"
                + "|referral\\[\\d{1,2}]\\.(to|when))"
                + "|legalBasis\\[\\d{1,2}]\\.(citation|url)|sources\\[\\d{1,2}]\\.(title|url|publisher|placeholder))");
    }

    /**
     * The narrative this form describes, with {@code slug} and {@code tenant} fixed by the caller (the page's address
     * and the editor's organisation, never the form). Values that cannot even be read (a date that is no date, an
     * unknown category) are reported in {@link #errors()} and left empty, so the schema reports the rest.
     */
    Narrative toNarrative(Slug slug, TenantCode tenant) {
        Map<ScriptChannel, Script> scripts = new LinkedHashMap<>();
        for (ScriptChannel channel : ScriptChannel.values()) {
            String p = "scripts." + channel.code() + ".";
            List<Script.Referral> referrals = new ArrayList<>();
            for (int i = 0; i < MAX_ROWS; i++) {
                String to = text(p + "referral[" + i + "].to");
                String when = text(p + "referral[" + i + "].when");
                if (to != null || when != null) {
                    referrals.add(new Script.Referral(to, when));
                }
            }
            scripts.put(channel, new Script(text(p + "coreMessage"), lines(p + "say"), lines(p + "avoid"),
                    lines(p + "askFurther"), referrals, text(p + "registration")));
        }
        List<Narrative.Citation> legalBasis = new ArrayList<>();
        List<Narrative.Source> sources = new ArrayList<>();
        for (int i = 0; i < MAX_ROWS; i++) {
            String citation = text("legalBasis[" + i + "].citation");
            String citationUrl = text("legalBasis[" + i + "].url");
            if (citation != null || citationUrl != null) {
                legalBasis.add(new Narrative.Citation(citation, citationUrl));
            }
            String title = text("sources[" + i + "].title");
            String url = text("sources[" + i + "].url");
            String publisher = text("sources[" + i + "].publisher");
            if (title != null || url != null || publisher != null) {
                sources.add(new Narrative.Source(title, url, publisher,
                        "true".equals(values.get("sources[" + i + "].placeholder"))));
            }
        }
        String standardAnswer = text("playbook.standardAnswer");
        List<String> steps = lines("playbook.steps");
        Narrative.Playbook playbook = standardAnswer == null && steps.isEmpty()
                ? null : new Narrative.Playbook(standardAnswer, steps);
        List<Slug> related = new ArrayList<>();
        for (String line : lines("related")) {
            try {
                related.add(new Slug(line));
            } catch (IllegalArgumentException e) {
                errors.add("related", "'" + line + "' is geen slug: kleine letters, cijfers en streepjes.");
            }
        }
        return new Narrative(slug, text("title"), text("summary"),
                code("category", Category::fromCode, "Kies een categorie uit de lijst."), lines("tags"),
                code("risk", Risk::fromCode, "Kies een risico uit de lijst."), tenant,
                date("validFrom"), date("validUntil"), date("reviewBy"), lines("triggers"),
                new Scripts(scripts.get(ScriptChannel.TELEFOON), scripts.get(ScriptChannel.EMAIL),
                        scripts.get(ScriptChannel.CHAT)),
                text("legalPosition"), legalBasis, lines("safetySignals"), playbook, sources, related,
                text("background"));
    }

    /** The script of one channel as typed, for the preview; nothing is checked. */
    Script script(ScriptChannel channel) {
        String p = "scripts." + channel.code() + ".";
        List<Script.Referral> referrals = new ArrayList<>();
        for (int i = 0; i < MAX_ROWS; i++) {
            String to = text(p + "referral[" + i + "].to");
            String when = text(p + "referral[" + i + "].when");
            if (to != null || when != null) {
                referrals.add(new Script.Referral(to, when));
            }
        }
        return new Script(text(p + "coreMessage"), lines(p + "say"), lines(p + "avoid"), lines(p + "askFurther"),
                referrals, text(p + "registration"));
    }

    // --- for the template ---------------------------------------------------------------------------------------

    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    public boolean checked(String name) {
        return "true".equals(values.get(name));
    }

    /** An HTML id for a field name: {@code sources[1].url} becomes {@code veld-sources-1-url}. */
    public static String id(String name) {
        return "veld-" + name.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
    }

    /** The HTML id of a field, for the template. */
    public String fieldId(String name) {
        return id(name);
    }

    /** The ids a field's {@code aria-describedby} names: its hint when it has one, and its errors when there are any. */
    public String describedBy(String name, boolean hint) {
        String id = id(name);
        String ids = (hint ? id + "-hint " : "") + (errors.has(name) ? id + "-fout" : "");
        return ids.isBlank() ? null : ids.strip();
    }

    /** The Dutch name of a field, for the error summary. */
    public String label(String name) {
        return FieldLabels.of(name);
    }

    /** The row numbers to show for a row field ({@code sources}, {@code scripts.chat.referral}): filled plus spare. */
    public List<Integer> rows(String prefix) {
        int highest = -1;
        String start = prefix + "[";
        for (String name : values.keySet()) {
            if (name.startsWith(start) && !values.get(name).isBlank()) {
                int end = name.indexOf(']', start.length());
                highest = Math.max(highest, Integer.parseInt(name.substring(start.length(), end)));
            }
        }
        int count = Math.min(MAX_ROWS, highest + 1 + SPARE_ROWS);
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(i);
        }
        return rows;
    }

    public FieldErrors errors() {
        return errors;
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private String text(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private List<String> lines(String name) {
        String value = values.get(name);
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split("\n")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private LocalDate date(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(name, "Vul een datum in als jjjj-mm-dd, bijvoorbeeld 2027-03-31.");
            return null;
        }
    }

    private <T> T code(String name, Function<String, T> parse, String message) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            errors.add(name, message);
            return null;
        }
    }

    private static void put(Map<String, String> values, String name, String value) {
        if (value != null) {
            values.put(name, value);
        }
    }

    private static String lines(List<String> items) {
        return items == null || items.isEmpty() ? null : String.join("\n", items);
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
