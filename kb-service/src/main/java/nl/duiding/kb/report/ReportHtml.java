package nl.duiding.kb.report;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

/**
 * The report as a page an analyst reads: Dutch, no script, every stored text escaped, charts as inline SVG with a
 * text alternative and the same figures in a table beside them, so keyboard and screen-reader users miss nothing.
 */
final class ReportHtml {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.forLanguageTag("nl"));
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private ReportHtml() {
    }

    static String render(DailyReport r) {
        ZoneId zone = ZoneId.of(r.zone());
        StringBuilder h = new StringBuilder(16_000);
        h.append("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Dagrapport belacties ").append(e(r.tenant())).append(' ').append(r.date()).append("</title>")
                .append("<style>").append(CSS).append("</style></head><body>")
                .append("<a class=\"skip\" href=\"#inhoud\">Naar de inhoud</a>")
                .append("<header><h1>Dagrapport belacties</h1><p>").append(e(r.tenant())).append(" \u2014 ")
                .append(e(DAY.format(r.date()))).append("</p></header>")
                .append("<nav aria-label=\"Onderdelen\"><ul>")
                .append("<li><a href=\"#advies\">Advies</a></li><li><a href=\"#belacties\">Belacties</a></li>")
                .append("<li><a href=\"#verhalen\">Verhalen</a></li><li><a href=\"#uren\">Verloop per uur</a></li>")
                .append("<li><a href=\"#kanalen\">Kanalen</a></li><li><a href=\"#clusters\">Nieuwe groepen</a></li>")
                .append("<li><a href=\"#herhaald\">Herhaald contact</a></li></ul></nav>")
                .append("<main id=\"inhoud\" tabindex=\"-1\">");

        var t = r.totals();
        h.append("<section aria-labelledby=\"kern\"><h2 id=\"kern\">Kerncijfers</h2><dl class=\"cijfers\">")
                .append(dt("Contacten", t.contacts())).append(dt("Bij een bekend verhaal", t.matched()))
                .append(dt("Zonder verhaal", t.unmatched())).append(dt("Belacties", r.campaigns().size()))
                .append("</dl><p>Vergeleken met dezelfde weekdag in ").append(r.weeksOfHistory())
                .append(" eerdere week/weken.").append(r.weeksOfHistory() < 3
                        ? " Er is nog weinig geschiedenis; alleen grote afwijkingen tellen als ongewoon." : "")
                .append(r.textsAvailable() ? "" : " De teksten van deze dag zijn volgens de bewaartermijn verwijderd; "
                        + "alleen aantallen zijn nog beschikbaar.").append("</p></section>");

        h.append("<section aria-labelledby=\"advies\"><h2 id=\"advies\">Advies</h2><ul class=\"advies\">");
        for (var a : r.recommendations()) {
            h.append("<li><strong>").append(e(a.title())).append("</strong><br>").append(e(a.text())).append("</li>");
        }
        h.append("</ul></section>");

        h.append("<section aria-labelledby=\"belacties\"><h2 id=\"belacties\">Belacties</h2>");
        if (r.campaigns().isEmpty()) {
            h.append("<p>Geen belacties gevonden.</p>");
        }
        for (var c : r.campaigns()) {
            h.append("<article class=\"kaart\"><h3>").append(e(c.title())).append("</h3><p>Status: <strong>")
                    .append(e(c.status())).append("</strong> \u2014 ").append(c.contacts()).append(" contacten van ")
                    .append(c.residents()).append(" inwoners, van ").append(TIME.format(c.firstContact().atZone(zone)))
                    .append(" tot ").append(TIME.format(c.lastContact().atZone(zone))).append(" uur.</p>")
                    .append(sparkline(c.perHour(), "Groei van de belactie: contacten per uur vanaf het eerste contact"))
                    .append("<p>Kanalen: ");
            c.channels().forEach(ch -> h.append(e(ch.channel())).append(' ').append(ch.contacts()).append("; "));
            h.append("</p><p>Gedeelde tekst (woorden die de meeste contacten gemeen hebben; namen en adressen "
                    + "vallen weg):</p><blockquote>").append(e(c.template())).append("</blockquote></article>");
        }
        h.append("</section>");

        h.append("<section aria-labelledby=\"verhalen\"><h2 id=\"verhalen\">Contacten per verhaal tegen de verwachting</h2>");
        if (r.narratives().isEmpty()) {
            h.append("<p>Geen contacten bij bekende verhalen.</p>");
        } else {
            h.append(narrativeChart(r.narratives()));
            h.append("<table><caption>Contacten per verhaal</caption><thead><tr><th scope=\"col\">Verhaal</th>"
                    + "<th scope=\"col\">Contacten</th><th scope=\"col\">Verwacht</th><th scope=\"col\">Oordeel</th>"
                    + "</tr></thead><tbody>");
            for (var n : r.narratives()) {
                h.append("<tr><th scope=\"row\">").append(e(n.title())).append("</th><td>").append(n.contacts())
                        .append("</td><td>").append(fmt(n.expected())).append("</td><td>")
                        .append(n.unusual() ? "<strong>boven verwachting</strong>" : "gewoon").append("</td></tr>");
            }
            h.append("</tbody></table>");
        }
        h.append("</section>");

        h.append("<section aria-labelledby=\"uren\"><h2 id=\"uren\">Verloop per uur</h2>").append(hourChart(r.hourly()))
                .append("<details><summary>Cijfers per uur</summary><table><caption>Contacten per uur</caption>"
                        + "<thead><tr><th scope=\"col\">Uur</th><th scope=\"col\">Contacten</th><th scope=\"col\">"
                        + "Verwacht</th></tr></thead><tbody>");
        for (var hour : r.hourly()) {
            h.append("<tr><th scope=\"row\">").append(String.format("%02d:00", hour.hour())).append("</th><td>")
                    .append(hour.contacts()).append("</td><td>").append(fmt(hour.expected())).append("</td></tr>");
        }
        h.append("</tbody></table></details></section>");

        h.append("<section aria-labelledby=\"kanalen\"><h2 id=\"kanalen\">Kanalen</h2>").append(channelChart(r.channels()))
                .append("</section>");

        h.append("<section aria-labelledby=\"clusters\"><h2 id=\"clusters\">Nieuwe groepen gelijke vragen zonder verhaal</h2>");
        if (r.clusters().isEmpty()) {
            h.append("<p>Geen nieuwe groepen.</p>");
        }
        for (var c : r.clusters()) {
            h.append("<article class=\"kaart\"><h3>").append(c.labels().isEmpty() ? "Groep zonder kenmerkende woorden"
                    : e(String.join(", ", c.labels()))).append("</h3><p>").append(c.contacts()).append(" contacten van ")
                    .append(c.residents()).append(" inwoners.</p><blockquote>").append(e(c.template()))
                    .append("</blockquote></article>");
        }
        if (!r.emergingTerms().isEmpty()) {
            h.append("<h3>Opvallende woorden in contacten zonder verhaal</h3><p>Vergeleken met de afgelopen 30 dagen: ");
            r.emergingTerms().forEach(term -> h.append(e(term.term())).append(" (").append(term.contacts()).append("); "));
            h.append("</p>");
        }
        h.append("</section>");

        h.append("<section aria-labelledby=\"herhaald\"><h2 id=\"herhaald\">Herhaald contact</h2>");
        if (r.repeatContacts().isEmpty()) {
            h.append("<p>Geen inwoners met vijf of meer contacten.</p>");
        } else {
            h.append("<p>Eén inwoner die vaak contact opneemt is geen belactie. Inwoners zijn niet herleidbaar genummerd.</p>"
                    + "<table><caption>Inwoners met vijf of meer contacten</caption><thead><tr><th scope=\"col\">"
                    + "Inwoner</th><th scope=\"col\">Contacten</th><th scope=\"col\">Kanalen</th><th scope=\"col\">"
                    + "Verhalen</th><th scope=\"col\">Steeds dezelfde tekst</th></tr></thead><tbody>");
            for (var rc : r.repeatContacts()) {
                h.append("<tr><th scope=\"row\">").append(e(rc.label())).append("</th><td>").append(rc.contacts())
                        .append("</td><td>").append(e(String.join(", ", rc.channels()))).append("</td><td>")
                        .append(e(String.join(", ", rc.narratives()))).append("</td><td>")
                        .append(rc.sameText() ? "ja" : "nee").append("</td></tr>");
            }
            h.append("</tbody></table>");
        }
        h.append("</section></main><footer><p>Gemaakt door Duiding. Dit rapport bevat geen persoonsgegevens: alleen "
                + "aantallen en gedeelde woorden.</p></footer></body></html>");
        return h.toString();
    }

    private static String narrativeChart(List<DailyReport.NarrativeCount> narratives) {
        List<DailyReport.NarrativeCount> top = narratives.stream().limit(12).toList();
        double max = Math.max(1, top.stream().mapToDouble(n -> Math.max(n.contacts(), n.expected())).max().orElse(1));
        int rowHeight = 26;
        int height = top.size() * rowHeight + 10;
        StringBuilder s = new StringBuilder("<figure><svg role=\"img\" aria-labelledby=\"nv-t\" viewBox=\"0 0 720 ")
                .append(height).append("\" width=\"100%\"><title id=\"nv-t\">Contacten per verhaal (balk) en de "
                        + "verwachting (streep); de cijfers staan in de tabel hieronder</title>");
        for (int i = 0; i < top.size(); i++) {
            var n = top.get(i);
            int y = 5 + i * rowHeight;
            double w = 400 * n.contacts() / max;
            double x = 300 + 400 * n.expected() / max;
            s.append("<text x=\"0\" y=\"").append(y + 16).append("\" class=\"lbl\">").append(e(shorten(n.title(), 40)))
                    .append("</text><rect x=\"300\" y=\"").append(y + 3).append("\" width=\"").append(fmt(w))
                    .append("\" height=\"18\" class=\"").append(n.unusual() ? "bar hoog" : "bar").append("\"/>")
                    .append("<line x1=\"").append(fmt(x)).append("\" x2=\"").append(fmt(x)).append("\" y1=\"")
                    .append(y).append("\" y2=\"").append(y + 24).append("\" class=\"verwacht\"/>");
        }
        return s.append("</svg><figcaption>Balk: contacten vandaag. Streep: verwacht op basis van eerdere weken. "
                + "Donkerrood: boven verwachting.</figcaption></figure>").toString();
    }

    private static String hourChart(List<DailyReport.HourCount> hours) {
        double max = Math.max(1, hours.stream().mapToDouble(x -> Math.max(x.contacts(), x.expected())).max().orElse(1));
        StringBuilder s = new StringBuilder("<figure><svg role=\"img\" aria-labelledby=\"uur-t\" viewBox=\"0 0 720 200\" "
                + "width=\"100%\"><title id=\"uur-t\">Contacten per uur (balken) en verwachting (lijn)</title>");
        StringBuilder line = new StringBuilder();
        for (var hour : hours) {
            double x = 10 + hour.hour() * 29;
            double barHeight = 160 * hour.contacts() / max;
            s.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(170 - barHeight))
                    .append("\" width=\"24\" height=\"").append(fmt(barHeight)).append("\" class=\"bar\"/>");
            if (hour.hour() % 3 == 0) {
                s.append("<text x=\"").append(fmt(x)).append("\" y=\"190\" class=\"lbl\">")
                        .append(String.format("%02d", hour.hour())).append("</text>");
            }
            line.append(line.isEmpty() ? "" : " ").append(fmt(x + 12)).append(',')
                    .append(fmt(170 - 160 * hour.expected() / max));
        }
        return s.append("<polyline points=\"").append(line).append("\" class=\"verwachtlijn\"/></svg>")
                .append("<figcaption>Balk: contacten per uur. Lijn: verwacht.</figcaption></figure>").toString();
    }

    private static String channelChart(List<DailyReport.ChannelCount> channels) {
        if (channels.isEmpty()) {
            return "<p>Geen contacten.</p>";
        }
        long total = channels.stream().mapToLong(DailyReport.ChannelCount::contacts).sum();
        StringBuilder s = new StringBuilder("<figure><svg role=\"img\" aria-labelledby=\"kn-t\" viewBox=\"0 0 720 ")
                .append(channels.size() * 26 + 10).append("\" width=\"100%\"><title id=\"kn-t\">Verdeling over kanalen</title>");
        StringBuilder list = new StringBuilder("<ul>");
        for (int i = 0; i < channels.size(); i++) {
            var c = channels.get(i);
            double w = 400.0 * c.contacts() / total;
            s.append("<text x=\"0\" y=\"").append(21 + i * 26).append("\" class=\"lbl\">").append(e(c.channel()))
                    .append("</text><rect x=\"120\" y=\"").append(8 + i * 26).append("\" width=\"").append(fmt(w))
                    .append("\" height=\"18\" class=\"bar\"/>");
            list.append("<li>").append(e(c.channel())).append(": ").append(c.contacts()).append(" (")
                    .append(Math.round(100.0 * c.contacts() / total)).append("%)</li>");
        }
        return s.append("</svg><figcaption>Contacten per kanaal</figcaption></figure>").append(list).append("</ul>")
                .toString();
    }

    private static String sparkline(List<Integer> perHour, String label) {
        int max = Math.max(1, perHour.stream().mapToInt(Integer::intValue).max().orElse(1));
        StringBuilder s = new StringBuilder("<svg role=\"img\" aria-label=\"").append(e(label)).append(": ")
                .append(e(perHour.toString())).append("\" viewBox=\"0 0 240 40\" width=\"240\" height=\"40\">");
        double step = 240.0 / Math.max(1, perHour.size());
        for (int i = 0; i < perHour.size(); i++) {
            double barHeight = 36.0 * perHour.get(i) / max;
            s.append("<rect x=\"").append(fmt(i * step)).append("\" y=\"").append(fmt(38 - barHeight))
                    .append("\" width=\"").append(fmt(Math.max(1, step - 1))).append("\" height=\"")
                    .append(fmt(barHeight)).append("\" class=\"bar\"/>");
        }
        return s.append("</svg>").toString();
    }

    private static String dt(String label, long value) {
        return "<div><dt>" + e(label) + "</dt><dd>" + value + "</dd></div>";
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String e(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static final String CSS = """
            body{font-family:system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1b1b1b;line-height:1.5}
            a{color:#0b4f8a}a:focus,summary:focus,main:focus{outline:3px solid #b35900;outline-offset:2px}
            .skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
            nav ul{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;padding:0}
            .cijfers{display:flex;gap:2rem;flex-wrap:wrap}.cijfers dt{font-size:.9rem}.cijfers dd{margin:0;font-size:1.6rem;font-weight:700}
            .kaart{border:1px solid #767676;border-radius:4px;padding:.5rem 1rem;margin:1rem 0}
            blockquote{background:#f3f3f3;margin:0;padding:.5rem 1rem;border-left:4px solid #0b4f8a}
            table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #767676;padding:.25rem .5rem;text-align:left}
            caption{text-align:left;font-weight:700}.bar{fill:#0b4f8a}.bar.hoog{fill:#a1000f}.lbl{font-size:12px;fill:#1b1b1b}
            .verwacht{stroke:#b35900;stroke-width:3}.verwachtlijn{fill:none;stroke:#b35900;stroke-width:2}
            .advies li{margin-bottom:.75rem}
            """;
}
