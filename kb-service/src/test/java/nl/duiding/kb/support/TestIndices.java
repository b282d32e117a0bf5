package nl.duiding.kb.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Per-class index prefixes on the real test node, and their removal afterwards. The node's URL comes from the
 * failsafe configuration ({@code spring.elasticsearch.uris}, from {@code -Dduiding.elasticsearch.url}).
 */
public final class TestIndices {

    private static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");

    private TestIndices() {
    }

    public static String randomPrefix() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String url() {
        return System.getProperty("spring.elasticsearch.uris", "http://127.0.0.1:9250").split(",")[0].strip();
    }

    /** Deletes every index and index template starting with {@code prefix}; wildcard deletes are refused by ES. */
    public static void deleteAll(String prefix) {
        HttpClient http = HttpClient.newHttpClient();
        try {
            String indices = send(http, "GET", "/_cat/indices/" + prefix + "-*?h=index&expand_wildcards=all");
            for (String index : indices.split("\\s+")) {
                if (!index.isBlank()) {
                    send(http, "DELETE", "/" + index.strip());
                }
            }
            String templates = send(http, "GET", "/_index_template/" + prefix + "-*");
            Matcher m = NAME.matcher(templates);
            while (m.find()) {
                send(http, "DELETE", "/_index_template/" + m.group(1));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot clean up test indices " + prefix + "-*", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String send(HttpClient http, String method, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + path)).method(method,
                HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 404 ? "" : response.body();
    }
}
