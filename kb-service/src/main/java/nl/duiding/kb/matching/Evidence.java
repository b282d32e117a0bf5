package nl.duiding.kb.matching;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

import org.springframework.web.util.HtmlUtils;

/**
 * The parts of the resident's text that made a narrative match, HTML-escaped with the matching words in
 * {@code <em>}, so an agent sees at a glance why a card is shown.
 */
final class Evidence {

    private static final int MAX_FRAGMENTS = 2;
    private static final int CONTEXT_CHARS = 60;
    /** Only words at least this informative (idf) are marked; common words would hide the ones that matter. */
    private static final double MARK_IDF = 3.0;

    private Evidence() {
    }

    static List<String> fragments(QueryTerms query, BitSet covered) {
        List<QueryTerms.Position> hits = new ArrayList<>();
        for (int i = covered.nextSetBit(0); i >= 0; i = covered.nextSetBit(i + 1)) {
            QueryTerms.Position position = query.positions().get(i);
            if (position.end() > position.start() && position.weight() >= MARK_IDF) {
                hits.add(position);
            }
        }
        if (hits.isEmpty()) {
            return List.of();
        }
        String text = query.text();
        List<Span> spans = new ArrayList<>();
        for (QueryTerms.Position hit : hits) {
            Span last = spans.isEmpty() ? null : spans.getLast();
            if (last != null && hit.start() - last.end <= CONTEXT_CHARS) {
                last.add(hit);
            } else {
                Span span = new Span();
                span.add(hit);
                spans.add(span);
            }
        }
        return spans.stream()
                .sorted(Comparator.comparingDouble(Span::weight).reversed())
                .limit(MAX_FRAGMENTS)
                .map(span -> render(text, span))
                .toList();
    }

    private static String render(String text, Span span) {
        int from = wordStart(text, Math.max(0, span.start - CONTEXT_CHARS));
        int to = wordEnd(text, Math.min(text.length(), span.end + CONTEXT_CHARS));
        StringBuilder out = new StringBuilder();
        if (from > 0) {
            out.append("… ");
        }
        int cursor = from;
        for (QueryTerms.Position hit : span.hits) {
            if (hit.start() < cursor) {
                continue;
            }
            out.append(HtmlUtils.htmlEscape(text.substring(cursor, hit.start())))
                    .append("<em>").append(HtmlUtils.htmlEscape(text.substring(hit.start(), hit.end()))).append("</em>");
            cursor = hit.end();
        }
        out.append(HtmlUtils.htmlEscape(text.substring(cursor, to)));
        if (to < text.length()) {
            out.append(" …");
        }
        return out.toString().strip();
    }

    private static int wordStart(String text, int index) {
        int i = index;
        while (i > 0 && !Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private static int wordEnd(String text, int index) {
        int i = index;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static final class Span {
        private final List<QueryTerms.Position> hits = new ArrayList<>();
        private int start = Integer.MAX_VALUE;
        private int end;
        private double weight;

        void add(QueryTerms.Position hit) {
            hits.add(hit);
            start = Math.min(start, hit.start());
            end = Math.max(end, hit.end());
            weight += hit.weight();
        }

        double weight() {
            return weight;
        }
    }
}
