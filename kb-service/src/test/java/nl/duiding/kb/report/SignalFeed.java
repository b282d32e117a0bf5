package nl.duiding.kb.report;

import static nl.duiding.kb.support.TestUsers.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import nl.duiding.kb.narrative.TenantCode;
import nl.duiding.kb.simulation.ContactStream;
import nl.duiding.kb.support.TestUsers;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** Sends simulated contacts through {@code POST /api/v1/signals} as the connector does, in batches of 1,000. */
final class SignalFeed {

    private SignalFeed() {
    }

    static void feed(MockMvc mvc, JsonMapper json, TenantCode tenant, List<ContactStream.Contact> contacts)
            throws Exception {
        for (int from = 0; from < contacts.size(); from += 1000) {
            List<Map<String, Object>> batch = contacts.subList(from, Math.min(from + 1000, contacts.size())).stream()
                    .map(c -> c.asSignal("simulatie", tenant.value())).toList();
            mvc.perform(post("/api/v1/signals").with(as(TestUsers.CONNECTOR)).contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(Map.of("signals", batch))))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.rejected").value(0));
        }
    }
}
