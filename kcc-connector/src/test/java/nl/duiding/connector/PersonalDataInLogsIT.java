package nl.duiding.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import nl.duiding.connector.security.LaunchLinkIssuer;
import nl.duiding.connector.support.KbServiceExtension;
import nl.duiding.connector.support.SidebarClient;
import nl.duiding.connector.tenant.Secret;

/**
 * What passes through the connector about residents — notes, subjects, pasted texts, e-mail addresses, CRM resident
 * ids — never reaches its log, on the happy paths and on the failing ones: refused and undecodable launch links, broken
 * bodies, bodies over the limit, malformed request lines, webhooks kb-service cannot take, and a kb-service that is not
 * there at all (a second connector pointed at a closed port). Every text carries a marker; the captured output of both
 * connectors must not contain one. Resident ids reach kb-service and the page only as keyed hashes.
 */
@ExtendWith({KbServiceExtension.class, OutputCaptureExtension.class})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersonalDataInLogsIT {

    private static final String NOTES = "Notitie-Zeepbel-" + UUID.randomUUID();
    private static final String SUBJECT = "Onderwerp-Regenboog-" + UUID.randomUUID();
    private static final String TEXT = "Tekst-Kikkerdril-" + UUID.randomUUID();
    private static final String EMAIL = "j.de.vries." + UUID.randomUUID().toString().substring(0, 8) + "@example.nl";
    private static final String RESIDENT = "inwoner-" + UUID.randomUUID();
    private static final List<String> MARKERS = List.of(NOTES, SUBJECT, TEXT, EMAIL, RESIDENT);

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void neverLogsContactTextSubjectNotesOrResidentIds(CapturedOutput output) throws Exception {
        SidebarClient sidebar = new SidebarClient(port);
        exercise(port, sidebar);
        // The same with kb-service unreachable: the fallbacks and their warnings.
        String[] args = {"--server.port=0", "--duiding.kb.url=http://127.0.0.1:9", "--duiding.kb.retries=1"};
        try (ConfigurableApplicationContext offline = new SpringApplicationBuilder(KccConnectorApplication.class)
                .run(args)) {
            int offlinePort = ((WebServerApplicationContext) offline).getWebServer().getPort();
            exercise(offlinePort, new SidebarClient(offlinePort));
        }

        String log = output.getAll();
        // The paths above were taken (so the absence of markers means something).
        assertThat(log).contains("launch link refused", "kb-service unavailable", "answering from the cache",
                "webhook events of " + KbServiceExtension.TENANT);
        for (String marker : MARKERS) {
            assertThat(log).as("log must not contain %s", marker).doesNotContain(marker);
        }
    }

    @Test
    void sendsResidentsOnlyAsKeyedHashes() throws Exception {
        SidebarClient sidebar = new SidebarClient(port);
        HttpResponse<String> page = sidebar.open(SidebarClient.launch("telefoon", RESIDENT, SUBJECT, NOTES));
        Matcher token = Pattern.compile("data-token=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).isTrue();
        String claims = new String(Base64.getUrlDecoder().decode(token.group(1).split("\\.")[1]),
                StandardCharsets.UTF_8);

        String hash = HexFormat.of().formatHex(hmac(System.getProperty("duiding.security.resident-hash-key"),
                KbServiceExtension.TENANT + ":" + RESIDENT));
        assertThat(claims).contains("\"residentHash\":\"" + hash + "\"").doesNotContain(RESIDENT).doesNotContain(NOTES);
        assertThat(page.body()).doesNotContain(RESIDENT);
    }

    private void exercise(int target, SidebarClient sidebar) throws Exception {
        String text = TEXT + " zegt dat vliegtuigen gif sproeien, mail " + EMAIL;
        // A sidebar opened with notes and subject, and its calls: typing, pasting, opening a card, the context.
        String session = sidebar.session(RESIDENT, NOTES + " " + EMAIL);
        sidebar.get("/sidebar/api/suggest?q=" + URLEncoder.encode(TEXT, StandardCharsets.UTF_8), session);
        sidebar.post("/sidebar/api/match", session, "application/json", "{\"text\":\"" + text + "\"}");
        sidebar.get("/sidebar/api/narratives/chemtrails", session);
        sidebar.get("/sidebar/api/context", session);
        sidebar.post("/sidebar/api/feedback", session, "application/json", "{\"slug\":\"chemtrails\",\"kind\":\"hielp\"}");
        // Broken, oversized and undecodable input carrying the same text.
        sidebar.post("/sidebar/api/match", session, "application/json", "{\"text\":\"" + text + "\", \"x\": " + TEXT);
        sidebar.post("/sidebar/api/match", session, "application/json", "{\"text\":\"" + text + " "
                + "a".repeat(70_000) + "\"}");
        sidebar.get("/sidebar/api/suggest?q=" + TEXT + "%ff%fe", session);
        sidebar.get("/sidebar/api/suggest?q=" + URLEncoder.encode(TEXT, StandardCharsets.UTF_8), "vals-" + TEXT);
        // Refused and undecodable launch links.
        Instant old = Instant.now().minus(Duration.ofHours(1));
        String expired = new LaunchLinkIssuer(new Secret(KbServiceExtension.launchSecret()), Clock.systemUTC()).sign(
                new LaunchLinkIssuer.Launch(KbServiceExtension.TENANT, "telefoon", null, RESIDENT, SUBJECT, NOTES), old,
                old.plusSeconds(60), UUID.randomUUID().toString());
        sidebar.open(expired);
        sidebar.open(SidebarClient.launch("telefoon", RESIDENT, SUBJECT, NOTES).replace('.', '!'));
        sidebar.get("/sidebar?launch=" + NOTES + "%ff%fe", null);
        sidebar.post("/sidebar", null, "application/x-www-form-urlencoded", "launch=" + NOTES + "%zz");
        // A request line Tomcat cannot parse.
        try (Socket socket = new Socket("127.0.0.1", target)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /sidebar?launch=" + NOTES + "{} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.getInputStream().readAllBytes();
        }
        // Webhooks: a bad payload, and good events kb-service cannot take (it has no signals endpoint, or is away).
        webhook(target, "{\"source\":\"crm\",\"events\":[{\"id\":\"" + RESIDENT + "\",\"channel\":\"fax\",\"text\":\""
                + text + "\"}]}");
        webhook(target, "{\"source\":\"crm\",\"events\":[{\"id\":\"e-" + UUID.randomUUID() + "\",\"occurredAt\":\""
                + Instant.now().minusSeconds(60) + "\",\"channel\":\"email\",\"subject\":\"" + SUBJECT + "\",\"text\":\""
                + text + "\",\"residentId\":\"" + RESIDENT + "\"}]}");
        webhook(target, "{\"source\":\"crm\",\"events\":[{\"text\":\"" + text + "\"" + "}".repeat(3));
        // A notification callback with text where it does not belong.
        http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target + "/api/v1/notificaties/"
                + KbServiceExtension.TENANT)).header("Content-Type", "application/json").header("Authorization", TEXT)
                .POST(HttpRequest.BodyPublishers.ofString("{\"kanaal\":\"" + TEXT + "\"")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void webhook(int target, String body) throws Exception {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String signature = "sha256=" + HexFormat.of().formatHex(hmac(KbServiceExtension.webhookSecret(),
                timestamp + "." + body));
        http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target + "/api/v1/crm-events"))
                .header("Content-Type", "application/json").header("X-Duiding-Tenant", KbServiceExtension.TENANT)
                .header("X-Duiding-Timestamp", timestamp).header("X-Duiding-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] hmac(String key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }
}
