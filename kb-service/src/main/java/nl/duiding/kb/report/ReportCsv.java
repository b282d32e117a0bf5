package nl.duiding.kb.report;

import java.util.List;
import java.util.Locale;

/**
 * The report as CSV for a spreadsheet: semicolon-separated (what Dutch spreadsheet settings expect), RFC 4180
 * quoting, one row per figure with its section, and cells that a spreadsheet would run as a formula defused.
 */
final class ReportCsv {

    private ReportCsv() {
    }

    static String render(DailyReport r) {
        StringBuilder csv = new StringBuilder("sectie;onderwerp;aantal;verwacht;inwoners;toelichting\r\n");
        row(csv, "totaal", "contacten", r.totals().contacts(), null, null, r.tenant() + " " + r.date());
        row(csv, "totaal", "bij een verhaal", r.totals().matched(), null, null, null);
        row(csv, "totaal", "zonder verhaal", r.totals().unmatched(), null, null, null);
        for (var c : r.channels()) {
            row(csv, "kanaal", c.channel(), c.contacts(), null, null, null);
        }
        for (var h : r.hourly()) {
            row(csv, "uur", String.format("%02d:00", h.hour()), h.contacts(), h.expected(), null, null);
        }
        for (var n : r.narratives()) {
            row(csv, "verhaal", n.slug(), n.contacts(), n.expected(), null,
                    n.unusual() ? "boven verwachting" : "gewoon");
        }
        for (var c : r.campaigns()) {
            row(csv, "belactie", c.title(), (long) c.contacts(), null, (long) c.residents(), c.status() + ": " + c.template());
        }
        for (var c : r.clusters()) {
            row(csv, "nieuwe groep", String.join(" ", c.labels()), (long) c.contacts(), null, (long) c.residents(),
                    c.template());
        }
        for (var t : r.emergingTerms()) {
            row(csv, "opvallend woord", t.term(), t.contacts(), null, null, null);
        }
        for (var rc : r.repeatContacts()) {
            row(csv, "herhaald contact", rc.label(), rc.contacts(), null, 1L, String.join(" ", rc.narratives()));
        }
        for (var a : r.recommendations()) {
            row(csv, "advies", a.title(), null, null, null, a.text());
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, String section, String subject, Long count, Double expected,
            Long residents, String note) {
        csv.append(String.join(";", List.of(cell(section), cell(subject), count == null ? "" : count.toString(),
                expected == null ? "" : String.format(Locale.ROOT, "%.2f", expected),
                residents == null ? "" : residents.toString(), cell(note)))).append("\r\n");
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
