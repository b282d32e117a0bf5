package nl.duiding.connector.support;

import java.net.http.HttpResponse;
import java.util.function.Consumer;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Publishes narratives in the real kb-service the way editors do, through its API: a concept by an editor, submitted,
 * published by a second person (four eyes). The content starts from a narrative kb-service already has, so it meets
 * the publication rules, and {@code change} makes it the narrative a test needs.
 */
public final class KbNarratives {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private KbNarratives() {
    }

    /**
     * @param tenant {@code nationaal} or a gemeentecode whose editors are in the users file (GM0363)
     * @param change edits the copy of {@code template}'s content: set slug, title, texts
     */
    public static void publish(KbServiceProcess kb, String tenant, String template, Consumer<ObjectNode> change) {
        String suffix = "nationaal".equals(tenant) ? "" : "-" + tenant.toLowerCase(java.util.Locale.ROOT);
        String editor = KbServiceProcess.EDITOR + suffix;
        String finalEditor = KbServiceProcess.FINAL_EDITOR + suffix;
        ObjectNode narrative = (ObjectNode) JSON.readTree(ok(kb.callAs(KbServiceProcess.EDITOR, "GET",
                "/api/v1/narratives/" + template + "/draft", null)).body()).get("narrative");
        narrative.put("tenant", tenant);
        narrative.remove("related");
        change.accept(narrative);
        String slug = narrative.get("slug").asString();
        HttpResponse<String> created = ok(kb.callAs(editor, "POST", "/api/v1/narratives", JSON.writeValueAsString(
                narrative)));
        HttpResponse<String> submitted = ok(kb.callAs(editor, "POST", "/api/v1/narratives/" + slug + "/submit", null,
                "If-Match", etag(created)));
        ok(kb.callAs(finalEditor, "POST", "/api/v1/narratives/" + slug + "/publish", null, "If-Match",
                etag(submitted)));
    }

    /**
     * Gives the copy its own identity: slug, title, summary and ten trigger phrasings (the publication minimum), so it
     * never competes with its template in matching.
     */
    public static Consumer<ObjectNode> identity(String slug, String title, String summary, String... triggers) {
        return n -> {
            n.put("slug", slug).put("title", title).put("summary", summary);
            var list = n.putArray("triggers");
            for (int i = 0; i < 10; i++) {
                list.add(triggers[i % triggers.length] + (i < triggers.length ? "" : " (" + (i + 1) + ")"));
            }
            n.putArray("tags").add("proef");
        };
    }

    private static String etag(HttpResponse<String> response) {
        return response.headers().firstValue("ETag").orElseThrow();
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("kb-service answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }
}
