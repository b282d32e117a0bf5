package nl.duiding.kb.web;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;

/**
 * The one way Markdown written by editors (a narrative's background) becomes HTML: CommonMark renders it with raw
 * HTML escaped and link addresses sanitised, then jsoup keeps only a safe list of elements (text formatting, lists,
 * quotes, code, headings, links to http, https and mailto with {@code rel="nofollow noopener noreferrer"}). Scripts,
 * event handlers, images, frames, styles and {@code javascript:} links never survive. Headings move down two levels,
 * so an editor's {@code ## Achtergrond} sits below the page's own headings.
 */
@Component
public class SafeMarkdown {

    private static final Safelist SAFE = Safelist.basic()
            .addTags("h3", "h4", "h5", "h6", "hr")
            .removeProtocols("a", "href", "ftp")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    /** Safe HTML for the Markdown; empty for null or blank text. */
    public String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        Document rendered = Jsoup.parseBodyFragment(renderer.render(parser.parse(markdown)));
        for (Element heading : rendered.body().select("h1, h2, h3, h4, h5, h6")) {
            int level = Integer.parseInt(heading.tagName().substring(1));
            heading.tagName("h" + Math.min(level + 2, 6));
        }
        Document clean = new Cleaner(SAFE).clean(rendered);
        // A link whose address was removed (javascript:, data:) stays as its text, not as a dead link.
        clean.body().select("a:not([href])").unwrap();
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }
}
