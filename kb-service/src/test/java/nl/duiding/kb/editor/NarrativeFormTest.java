package nl.duiding.kb.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import nl.duiding.kb.narrative.Category;
import nl.duiding.kb.narrative.Narrative;
import nl.duiding.kb.narrative.NarrativeSchema;
import nl.duiding.kb.narrative.NarrativeStatus;
import nl.duiding.kb.narrative.Risk;
import nl.duiding.kb.narrative.Script;
import nl.duiding.kb.narrative.ScriptChannel;
import nl.duiding.kb.narrative.Scripts;
import nl.duiding.kb.narrative.Slug;
import nl.duiding.kb.narrative.TenantCode;
import nl.duiding.kb.support.NarrativeSamples;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class NarrativeFormTest {

    private static final NarrativeSchema SCHEMA = NarrativeSchema.load();

    @Test
    void givesBackEveryFieldOfANarrativeUnchangedAfterAPassThroughTheForm() {
        Narrative rich = rich();
        NarrativeForm shown = NarrativeForm.of(rich);
        NarrativeForm sent = NarrativeForm.from(asParams(shown, rich));

        assertThat(sent.toNarrative(rich.slug(), rich.tenant())).isEqualTo(rich);
        assertThat(sent.errors().isEmpty()).isTrue();
    }

    @Test
    void takesSlugAndOrganisationFromTheCallerNotFromTheForm() {
        Narrative sample = NarrativeSamples.narrative("form-identiteit");
        MultiValueMap<String, String> params = asParams(NarrativeForm.of(sample), sample);
        params.set("tenant", "GM0599");
        params.set("slug", "iets-anders");

        Narrative read = NarrativeForm.from(params).toNarrative(sample.slug(), TenantCode.NATIONAL);

        assertThat(read.slug()).isEqualTo(sample.slug());
        assertThat(read.tenant()).isEqualTo(TenantCode.NATIONAL);
    }

    @Test
    void reportsUnreadableValuesOnTheirFieldAndKeepsWhatWasTyped() {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        params.add("reviewBy", "31-02-2027");
        params.add("category", "onbekend");
        params.add("related", "Geen Slug!");
        params.add("onbekendVeld", "wordt genegeerd");
        NarrativeForm form = NarrativeForm.from(params);

        Narrative read = form.toNarrative(new Slug("fout"), TenantCode.NATIONAL);

        assertThat(read.reviewBy()).isNull();
        assertThat(form.errors().of("reviewBy")).singleElement().asString().contains("jjjj-mm-dd");
        assertThat(form.errors().has("category")).isTrue();
        assertThat(form.errors().of("related")).singleElement().asString().contains("Geen Slug!");
        assertThat(form.value("reviewBy")).isEqualTo("31-02-2027");
        assertThat(form.value("onbekendVeld")).isEmpty();
    }

    @Test
    void putsSchemaViolationsOnTheFieldThatHoldsTheValueWithTheLineNumber() {
        Script shortScript = new Script("Te kort.", List.of("Zeg dit maar."), List.of("Niet dit."),
                List.of("Wat bedoelt u?"), List.of(new Script.Referral("communicatie", "Bij vragen.")),
                "Registreer het.");
        Narrative sample = NarrativeSamples.narrative("form-fouten");
        Narrative broken = new Narrative(sample.slug(), "Kort", sample.summary(), sample.category(), sample.tags(),
                sample.risk(), sample.tenant(), null, null, null, List.of("goede formulering hier", "kort"),
                new Scripts(sample.scripts().telefoon(), sample.scripts().email(), shortScript), null, List.of(),
                List.of(), null, List.of(), List.of(), null);
        FieldErrors errors = new FieldErrors();

        errors.addViolations(SCHEMA.validate(NarrativeSchema.frontMatter(broken, NarrativeStatus.CONCEPT, "redacteur"),
                Locale.forLanguageTag("nl")));

        assertThat(errors.has("title")).isTrue();
        assertThat(errors.of("triggers")).singleElement().asString().startsWith("Regel 2: ");
        assertThat(errors.has("scripts.chat.coreMessage")).isTrue();
        assertThat(errors.of("reviewBy")).containsExactly("Dit veld is verplicht.");
        assertThat(errors.has("sources")).isTrue();
        assertThat(errors.general()).isEmpty();
    }

    @Test
    void offersTheFilledRowsPlusTwoEmptyOnes() {
        NarrativeForm form = NarrativeForm.of(rich());

        assertThat(form.rows("sources")).containsExactly(0, 1, 2, 3);
        assertThat(form.rows("legalBasis")).containsExactly(0, 1, 2);
        assertThat(NarrativeForm.blank(TenantCode.NATIONAL).rows("scripts.chat.referral")).containsExactly(0, 1);
    }

    private static MultiValueMap<String, String> asParams(NarrativeForm form, Narrative n) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        for (String name : List.of("slug", "tenant", "title", "summary", "category", "risk", "tags", "validFrom",
                "validUntil", "reviewBy", "triggers", "legalPosition", "safetySignals", "related", "background",
                "playbook.standardAnswer", "playbook.steps")) {
            params.add(name, form.value(name).replace("\n", "\r\n"));
        }
        for (ScriptChannel channel : ScriptChannel.values()) {
            String p = "scripts." + channel.code() + ".";
            for (String field : List.of("coreMessage", "say", "avoid", "askFurther", "registration")) {
                params.add(p + field, form.value(p + field).replace("\n", "\r\n"));
            }
            for (int i : form.rows(p + "referral")) {
                params.add(p + "referral[" + i + "].to", form.value(p + "referral[" + i + "].to"));
                params.add(p + "referral[" + i + "].when", form.value(p + "referral[" + i + "].when"));
            }
        }
        for (int i : form.rows("sources")) {
            for (String field : List.of("title", "url", "publisher")) {
                params.add("sources[" + i + "]." + field, form.value("sources[" + i + "]." + field));
            }
            if (form.checked("sources[" + i + "].placeholder")) {
                params.add("sources[" + i + "].placeholder", "true");
            }
        }
        for (int i : form.rows("legalBasis")) {
            params.add("legalBasis[" + i + "].citation", form.value("legalBasis[" + i + "].citation"));
            params.add("legalBasis[" + i + "].url", form.value("legalBasis[" + i + "].url"));
        }
        return params;
    }

    private static Narrative rich() {
        Narrative base = NarrativeSamples.narrative("soeverein-rijk", TenantCode.NATIONAL, "Soeverein volgens eigen wet");
        Script chat = new Script("In Nederland gelden de wetten voor iedereen die hier woont, ook de belastingwetten.",
                List.of("Zeg wat wel geldt.", "Verwijs naar de website."), List.of("Ga niet in discussie."),
                List.of("Gaat het om een aanslag?"),
                List.of(new Script.Referral("juridische-zaken", "Bij een dreigende brief."),
                        new Script.Referral("oov", "Bij bedreiging.")),
                "Registreer als vraag over belastingen.");
        return new Narrative(base.slug(), base.title(), base.summary(), Category.SOEVEREINEN, List.of("soeverein",
                "belasting"), Risk.HOOG, TenantCode.NATIONAL, LocalDate.of(2026, 1, 1), LocalDate.of(2028, 1, 1),
                LocalDate.of(2027, 6, 30), base.triggers(),
                new Scripts(base.scripts().telefoon(), base.scripts().email(), chat),
                "Wie in Nederland woont, valt onder de Nederlandse wet; een eigen verklaring verandert dat niet.",
                List.of(new Narrative.Citation("Grondwet artikel 1", "https://wetten.overheid.nl/grondwet")),
                List.of("Dreigt met geweld tegen medewerkers."),
                new Narrative.Playbook("Wij beantwoorden dit soort brieven niet inhoudelijk.",
                        List.of("Registreer.", "Stuur door.", "Meld het aantal.")),
                List.of(new Narrative.Source("Rijksoverheid", "https://rijksoverheid.example/a", "Rijksoverheid", false),
                        new Narrative.Source("Gemeente", "https://gemeente.example/b", null, true)),
                List.of(new Slug("belactie-bezwaarschriften-template")), "## Achtergrond\n\nEen **feit**.\n\nNog een.");
    }
}
