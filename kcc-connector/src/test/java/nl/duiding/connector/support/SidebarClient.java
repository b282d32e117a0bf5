package nl.duiding.connector.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.duiding.connector.security.LaunchLinkIssuer;
import nl.duiding.connector.tenant.Secret;

/** The sidebar as a CRM and the page's script use it, over HTTP: signed launch links and the page token. */
public final class SidebarClient {

    private static final Pattern TOKEN = Pattern.compile("data-token=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public SidebarClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A fresh launch link of the test tenant, signed with its launch secret. */
    public static String launch(String channel, String residentId, String subject, String notes) {
        return new LaunchLinkIssuer(new Secret(KbServiceExtension.launchSecret()), Clock.systemUTC()).sign(
                new LaunchLinkIssuer.Launch(KbServiceExtension.TENANT, channel, UUID.randomUUID().toString(),
                        residentId, subject, notes), Duration.ofMinutes(2));
    }

    public HttpResponse<String> open(String launch) throws Exception {
        return get("/sidebar?launch=" + URLEncoder.encode(launch, StandardCharsets.UTF_8), null);
    }

    /** Opens a sidebar and answers its page token, which the page's script sends as a bearer token. */
    public String session(String residentId, String notes) throws Exception {
        HttpResponse<String> page = open(launch("telefoon", residentId, "Onderwerp", notes));
        Matcher m = TOKEN.matcher(page.body());
        if (page.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("sidebar not opened: " + page.statusCode());
        }
        return m.group(1);
    }

    public HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String token, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type",
                contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
