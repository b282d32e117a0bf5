package nl.duiding.kb.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import nl.duiding.kb.campaign.Campaign;
import nl.duiding.kb.campaign.CampaignDetector;
import nl.duiding.kb.narrative.TenantCode;
import nl.duiding.kb.simulation.ContactStream;
import nl.duiding.kb.support.IsolatedIndices;
import nl.duiding.kb.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * A template letter that starts on an evening and goes on after midnight: the next day its contacts are no burst
 * against its own first hours, yet the analyst's report of that day must list it while the campaign is known and not
 * closed.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OngoingCampaignIT {

    @RegisterExtension
    static final IsolatedIndices INDICES = new IsolatedIndices();
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final TenantCode TENANT = new TenantCode("GM0363");
    private static final String LETTER = "Geachte gemeente, ik maak bezwaar tegen de komst van de opvang in het oude "
            + "klooster aan de Kloosterlaan. Het is allang besloten achter de rug van de bewoners om en de raad is niet "
            + "ingelicht. Ik eis dat u het plan intrekt en mij binnen twee weken schriftelijk antwoordt. Met groet, ";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        INDICES.registerWithTestUsers(registry);
        registry.add("duiding.content.dir", () -> "../content");
        registry.add("duiding.scheduling.enabled", () -> "false");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    ElasticsearchClient client;
    @Autowired
    CampaignDetector detector;
    @Autowired
    DailyReportService reports;

    @Test
    void listsACampaignThatGoesOnAfterMidnightWhileItIsKnown() throws Exception {
        LocalDate evening = LocalDate.now(ZONE).minusDays(2);
        LocalDate nextDay = evening.plusDays(1);
        List<ContactStream.Contact> contacts = new ArrayList<>(ContactStream.fromContent(Path.of("../content"))
                .generate(new ContactStream.Settings(7, evening, 2, ZONE, 600, 40, 0, 0, 0)).contacts());
        Instant start = evening.atTime(20, 0).atZone(ZONE).toInstant();
        for (int i = 0; i < 100; i++) {
            // 60 letters in the evening, 40 after midnight, each from another resident.
            Instant at = start.plusSeconds(i < 60 ? i * 210L : 4 * 3600 + (i - 60) * 150L);
            contacts.add(new ContactStream.Contact("brief-" + i, at, "brief", LETTER + "bewoner " + i,
                    "klooster-resident-" + String.format("%08d", i), List.of(), List.of(), "belactie", 1));
        }
        feed(contacts);
        client.indices().refresh(r -> r.index(INDICES.prefix() + "-*"));

        // Unknown, the next day's part is no burst: it is what the evening already had.
        assertThat(templates(nextDay)).noneMatch(t -> t.contains("klooster"));

        List<Campaign> detected = detector.detect(TENANT, nextDay.atStartOfDay(ZONE).toInstant());
        Campaign campaign = detected.stream().filter(c -> c.template().contains("klooster")).findFirst().orElseThrow();

        DailyReport report = reports.generate(TENANT, nextDay);
        assertThat(report.campaigns()).anySatisfy(entry -> {
            assertThat(entry.id()).isEqualTo(campaign.id());
            assertThat(entry.status()).isEqualTo("gedetecteerd");
            assertThat(entry.contacts()).isEqualTo(40);
        });
    }

    private List<String> templates(LocalDate day) {
        return reports.generate(TENANT, day).campaigns().stream().map(DailyReport.CampaignEntry::template).toList();
    }

    private void feed(List<ContactStream.Contact> contacts) throws Exception {
        SignalFeed.feed(mvc, json, TENANT, contacts);
    }
}
