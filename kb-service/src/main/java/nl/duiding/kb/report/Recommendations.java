package nl.duiding.kb.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The report's advice, in the spirit of the national guidance: answer factually and firmly with one voice, do not
 * enter the discussion, do not fall into a permanent reaction mode, signal to communicatie and OOV, and know that
 * doing nothing is also an intervention.
 */
final class Recommendations {

    private Recommendations() {
    }

    static List<DailyReport.Recommendation> of(List<DailyReport.CampaignEntry> campaigns,
            List<DailyReport.NarrativeCount> narratives, List<DailyReport.ClusterEntry> clusters,
            List<DailyReport.RepeatContact> repeats, DailyReport.Totals totals) {
        List<DailyReport.Recommendation> advice = new ArrayList<>();
        for (DailyReport.CampaignEntry c : campaigns) {
            advice.add(new DailyReport.Recommendation("Belactie: " + c.contacts() + " gelijke contacten van "
                    + c.residents() + " inwoners",
                    "Geef één kort, feitelijk antwoord (het korte script bij de belactie) en ga niet in discussie. "
                            + "Elk contact wordt gewoon geregistreerd en behandeld. Meld de golf bij communicatie, "
                            + "zodat de gemeente met één stem spreekt; bij dreiging of een aangekondigde actie ook bij OOV."
                            + ("gedetecteerd".equals(c.status())
                                    ? " Bevestig de belactie in Duiding of sluit haar af, zodat medewerkers de juiste melding zien."
                                    : "")));
        }
        for (DailyReport.NarrativeCount n : narratives) {
            if (n.unusual() && campaigns.stream().noneMatch(c -> n.slug().equals(c.slug()))) {
                advice.add(new DailyReport.Recommendation("Meer vragen dan gewoonlijk over \u201c" + n.title() + "\u201d",
                        n.contacts() + " contacten, verwacht rond " + Math.round(n.expected()) + ". Controleer of het "
                                + "script nog klopt en informeer communicatie. Reageer niet op elk bericht apart: "
                                + "blijf bij het script, zodat er geen permanente reactiemodus ontstaat."));
            }
        }
        if (!clusters.isEmpty()) {
            advice.add(new DailyReport.Recommendation("Nieuwe groepen gelijke vragen zonder verhaal",
                    clusters.size() + " groep(en) lijken op elkaar maar passen bij geen bekend verhaal. Bekijk of "
                            + "een nieuw verhaal nodig is. Blijft het klein, dan is niets doen ook een interventie."));
        }
        if (!repeats.isEmpty()) {
            advice.add(new DailyReport.Recommendation("Herhaald contact door dezelfde inwoners",
                    repeats.size() + " inwoner(s) namen vijf keer of vaker contact op. Dit is geen belactie. "
                            + "Overweeg één schriftelijk antwoord per inwoner in plaats van telkens opnieuw te "
                            + "antwoorden, en spreek af wie dat antwoord geeft."));
        }
        if (advice.isEmpty()) {
            advice.add(new DailyReport.Recommendation("Geen bijzonderheden",
                    totals.contacts() + " contacten, niets wijst op een belactie. Niets doen is ook een interventie: "
                            + "blijf bij de gewone werkwijze."));
        }
        return advice;
    }
}
