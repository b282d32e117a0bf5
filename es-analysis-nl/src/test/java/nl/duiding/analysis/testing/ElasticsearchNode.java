package nl.duiding.analysis.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real Elasticsearch node over HTTP, with nothing but the JDK's HttpClient. The node is given by
 * the system property {@value #URL_PROPERTY}; when it does not answer, or lacks our plugin, the
 * integration tests fail instead of being skipped, so a green build always means a real node
 * analysed the text.
 */
public final class ElasticsearchNode {

    public static final String URL_PROPERTY = "duiding.elasticsearch.url";
    public static final String PLUGIN_NAME = "duiding-analysis-nl";
    private static final String DEFAULT_URL = "http://127.0.0.1:9250";

    /** A response: HTTP status and parsed JSON body. */
    public record Response(int status, Map<String, Object> json) {
    }

    private final String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ElasticsearchNode(String url) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Connects, checks that our plugin is installed and says on stdout which node the tests use. */
    public static ElasticsearchNode connect() {
        ElasticsearchNode node = new ElasticsearchNode(System.getProperty(URL_PROPERTY, DEFAULT_URL));
        Response info = node.requestOrFail("GET", "/_nodes/_local?filter_path=nodes.*.version,nodes.*.plugins", null);
        @SuppressWarnings("unchecked")
        Map<String, Object> localNode = (Map<String, Object>) ((Map<String, Object>) info.json().get("nodes"))
                .values().iterator().next();
        String pluginVersion = installedPluginVersion(localNode).orElseThrow(() -> new AssertionError(
                "Elasticsearch at " + node.url + " does not have the plugin " + PLUGIN_NAME + " installed. Install "
                        + "es-analysis-nl/target/es-analysis-nl-*.zip with bin/elasticsearch-plugin install and restart it."));
        System.out.println("analysis IT ran against Elasticsearch " + localNode.get("version") + " at " + node.url
                + " with plugin " + PLUGIN_NAME + " " + pluginVersion);
        return node;
    }

    public Response get(String path) {
        return requestOrFail("GET", path, null);
    }

    public Response put(String path, String json) {
        return requestOrFail("PUT", path, json);
    }

    public Response post(String path, String json) {
        return requestOrFail("POST", path, json);
    }

    public Response delete(String path) {
        return requestOrFail("DELETE", path, null);
    }

    /** The tokens {@code _analyze} returns for the request body, in order. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> analyze(String path, String json) {
        Response response = post(path, json);
        if (response.status() != 200) {
            throw new AssertionError("_analyze failed with " + response.status() + ": " + response.json());
        }
        return (List<Map<String, Object>>) response.json().get("tokens");
    }

    public List<String> analyzedTerms(String path, String json) {
        return analyze(path, json).stream().map(token -> (String) token.get("token")).toList();
    }

    /** The ids of the documents a search returns, best first. */
    @SuppressWarnings("unchecked")
    public List<String> searchIds(String index, String json) {
        Response response = post("/" + index + "/_search", json);
        if (response.status() != 200) {
            throw new AssertionError("Search failed with " + response.status() + ": " + response.json());
        }
        List<Map<String, Object>> hits = (List<Map<String, Object>>) Json.at(response.json(), "hits", "hits");
        return hits.stream().map(hit -> (String) hit.get("_id")).toList();
    }

    private Response requestOrFail(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
        try {
            var response = http.send(request.build(), BodyHandlers.ofString());
            String body = response.body();
            return new Response(response.statusCode(), body.isBlank() ? Map.of() : Json.parseObject(body));
        } catch (IOException e) {
            throw new AssertionError("No Elasticsearch node answered at " + url + " (" + e + "). Start one with the "
                    + PLUGIN_NAME + " plugin installed, or point -D" + URL_PROPERTY + "=http://host:port at one.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while calling " + url + path, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Optional<String> installedPluginVersion(Map<String, Object> localNode) {
        List<Map<String, Object>> plugins = (List<Map<String, Object>>) localNode.getOrDefault("plugins", List.of());
        return plugins.stream()
                .filter(plugin -> PLUGIN_NAME.equals(plugin.get("name")))
                .map(plugin -> (String) plugin.get("version"))
                .findFirst();
    }
}
