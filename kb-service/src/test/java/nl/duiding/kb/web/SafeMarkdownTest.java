package nl.duiding.kb.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Editors' Markdown keeps its formatting and loses everything that could run or load something. */
class SafeMarkdownTest {

    private final SafeMarkdown markdown = new SafeMarkdown();

    @Test
    void keepsTheFormattingEditorsUse() {
        String html = markdown.toHtml("""
                ## Achtergrond

                De **Gezondheidsraad** vond _geen_ bewijs. Zie [antennebureau](https://www.antennebureau.nl/).

                - eerste punt
                - tweede punt

                > Een citaat

                `code`
                """);
        Document page = Jsoup.parseBodyFragment(html);
        assertThat(page.select("h4").text()).isEqualTo("Achtergrond");
        assertThat(page.select("strong").text()).isEqualTo("Gezondheidsraad");
        assertThat(page.select("em").text()).isEqualTo("geen");
        assertThat(page.select("li")).extracting(Element::text).containsExactly("eerste punt", "tweede punt");
        assertThat(page.select("blockquote").text()).isEqualTo("Een citaat");
        Element link = page.selectFirst("a");
        assertThat(link.attr("href")).isEqualTo("https://www.antennebureau.nl/");
        assertThat(link.attr("rel")).isEqualTo("nofollow noopener noreferrer");
    }

    @Test
    void rendersNothingForNoText() {
        assertThat(markdown.toHtml(null)).isEmpty();
        assertThat(markdown.toHtml("  \n")).isEmpty();
    }

    static List<String> payloads() {
        return List.of(
                "<script>alert(1)</script>",
                "<img src=x onerror=alert(1)>",
                "<svg onload=alert(1)>",
                "<iframe src=\"https://kwaad.example\"></iframe>",
                "<a href=\"javascript:alert(1)\">klik</a>",
                "[klik](javascript:alert(1))",
                "[klik](JaVaScRiPt:alert(1))",
                "[klik](&#106;avascript:alert(1))",
                "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
                "[klik](vbscript:msgbox(1))",
                "![plaatje](javascript:alert(1))",
                "![plaatje](https://tracker.example/pixel.gif)",
                "<javascript:alert(1)>",
                "<div onmouseover=\"alert(1)\">tekst</div>",
                "<style>body{display:none}</style>",
                "[a](https://x.example \"\\\" onmouseover=\\\"alert(1)\")",
                "<details open ontoggle=alert(1)>",
                "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
                "```html\n<script>alert(1)</script>\n```",
                "<form action=\"https://kwaad.example\"><input name=x></form>",
                "<meta http-equiv=\"refresh\" content=\"0;url=https://kwaad.example\">",
                "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
                "<a href=\"https://ok.example\" onclick=\"alert(1)\" style=\"position:fixed\">ok</a>");
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void leavesNothingThatRunsOrLoads(String payload) {
        String html = markdown.toHtml("Tekst voor.\n\n" + payload + "\n\nTekst na.");
        Document page = Jsoup.parseBodyFragment(html);
        assertThat(page.select("script, img, svg, iframe, style, object, embed, form, input, meta, math, details"))
                .as(html).isEmpty();
        for (Element element : page.getAllElements()) {
            element.attributes().forEach(attribute -> {
                assertThat(attribute.getKey()).as(html).doesNotStartWith("on").isNotEqualTo("style");
                assertThat(attribute.getValue().toLowerCase().replaceAll("\\s", "")).as(html)
                        .doesNotContain("javascript:").doesNotContain("vbscript:").doesNotContain("data:");
            });
        }
        assertThat(page.select("a:not([href])")).as("links without address").isEmpty();
        assertThat(page.text()).contains("Tekst voor.", "Tekst na.");
    }
}
