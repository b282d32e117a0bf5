package nl.duiding.kb.simulation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.duiding.kb.privacy.ContactScrubber;
import nl.duiding.kb.signal.TextFingerprint;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The near-real-time measurement ({@code simulate.sh --live DAY}): how long after a campaign's 30th contact do agents
 * see it in {@code GET /api/v1/campaigns/active}?
 *
 * <p>The days before DAY are sent at once, moved in time so that DAY begins one hour of simulated time before the
 * first campaign of DAY starts, at the moment of sending. From then on DAY's contacts are sent as they happen, in
 * accelerated time ({@code --speed}, simulated seconds per real second), each with the real time of sending as
 * {@code occurredAt}, in batches of whatever came due in the last second, as a connector forwards contacts. The
 * sidebar's list is polled every second as the connector would; a campaign counts as seen when a listed
 * campaign's template (read as analyst) holds at least half of its bigrams in the injected group's texts. Bounded:
 * it stops {@code 5} real minutes after the 30th contact, or when the day's contacts run out.
 */
final class LiveFeed {

    record Result(long seed, LocalDate day, double speed, int historyContacts, int liveContacts, int campaignGroup,
            int campaignSize, Instant thirtiethSentAt, Instant firstSeenAt, Double secondsAfterThirtieth,
            int contactsWhenSeen, boolean seen, String note) {
    }

    private static final int NTH = 30;
    private static final Duration GIVE_UP = Duration.ofMinutes(5);

    private LiveFeed() {
    }

    static Result run(HttpClient http, String url, String connector, String analyst, String tenant, String source,
            ContactStream.Stream2 stream, double speed, LocalDate day, ZoneId zone, JsonMapper json) throws Exception {
        ContactScrubber scrubber = new ContactScrubber();
        long seed = stream.contacts().isEmpty() ? 0 : Long.parseLong(stream.contacts().getFirst().externalId()
                .split("-")[1]);
        // The first injected campaign of the day (default: the last day that has one) with at least 30 contacts.
        if (day == null) {
            Map<String, Integer> perGroupDay = new HashMap<>();
            stream.contacts().stream().filter(c -> c.kind().equals("belactie"))
                    .forEach(c -> perGroupDay.merge(c.group() + "@" + c.occurredAt().atZone(zone).toLocalDate(), 1,
                            Integer::sum));
            day = perGroupDay.entrySet().stream().filter(e -> e.getValue() >= NTH)
                    .map(e -> LocalDate.parse(e.getKey().substring(e.getKey().indexOf('@') + 1)))
                    .max(LocalDate::compareTo).orElse(null);
        }
        Map<Integer, List<ContactStream.Contact>> groups = new HashMap<>();
        for (ContactStream.Contact c : stream.contacts()) {
            if (c.kind().equals("belactie") && c.occurredAt().atZone(zone).toLocalDate().equals(day)) {
                groups.computeIfAbsent(c.group(), g -> new ArrayList<>()).add(c);
            }
        }
        List<ContactStream.Contact> campaign = groups.values().stream().filter(g -> g.size() >= NTH)
                .min(java.util.Comparator.comparing(g -> g.getFirst().occurredAt())).orElse(null);
        if (campaign == null) {
            return new Result(seed, day, speed, 0, 0, 0, 0, null, null, null, 0, false,
                    "no injected campaign of at least 30 contacts on " + day);
        }
        int group = campaign.getFirst().group();
        Set<Long> groupShingles = new HashSet<>();
        campaign.forEach(c -> groupShingles.addAll(TextFingerprint.shingles(scrubber.clean(c.text()))));
        Instant liveFrom = campaign.getFirst().occurredAt().minus(Duration.ofHours(1));
        Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();

        // History: everything before liveFrom, moved so that liveFrom is now.
        Instant now = Instant.now();
        Duration shift = Duration.between(liveFrom, now);
        List<ContactStream.Contact> history = new ArrayList<>();
        List<ContactStream.Contact> live = new ArrayList<>();
        for (ContactStream.Contact c : stream.contacts()) {
            if (c.occurredAt().isBefore(liveFrom)) {
                history.add(moved(c, c.occurredAt().plus(shift)));
            } else if (c.occurredAt().isBefore(dayEnd)) {
                live.add(c);
            }
        }
        SimulateMain.feed(http, url, connector, tenant, source, history, 2, json);
        System.err.printf("simulate: live: %d earlier contacts sent; now %d contacts of %s at %.0fx%n",
                history.size(), live.size(), day, speed);

        Instant wallStart = Instant.now();
        int sent = 0;
        int campaignSent = 0;
        Instant thirtieth = null;
        Instant seenAt = null;
        int contactsWhenSeen = 0;
        Set<String> checked = new HashSet<>();
        while (sent < live.size()) {
            Instant wallNow = Instant.now();
            Instant simNow = liveFrom.plus(scaled(Duration.between(wallStart, wallNow), speed));
            List<ContactStream.Contact> due = new ArrayList<>();
            while (sent < live.size() && !live.get(sent).occurredAt().isAfter(simNow) && due.size() < 1000) {
                due.add(moved(live.get(sent), wallNow));
                if (live.get(sent).group() == group) {
                    campaignSent++;
                }
                sent++;
            }
            if (!due.isEmpty()) {
                SimulateMain.post(http, url, connector, tenant, source, due, json);
                if (thirtieth == null && campaignSent >= NTH) {
                    thirtieth = Instant.now();
                }
            }
            if (seenAt == null && seen(http, url, connector, analyst, tenant, groupShingles, checked, json)) {
                seenAt = Instant.now();
                contactsWhenSeen = campaignSent;
            }
            if (thirtieth != null && (seenAt != null || Instant.now().isAfter(thirtieth.plus(GIVE_UP)))) {
                break;
            }
            Thread.sleep(1000);
        }
        Double latency = thirtieth == null || seenAt == null ? null
                : Math.max(0, Duration.between(thirtieth, seenAt).toMillis()) / 1000.0;
        String note = seenAt == null ? "not seen within " + GIVE_UP.toMinutes() + " minutes after the 30th contact"
                : seenAt.isBefore(thirtieth) ? "seen before the 30th contact (after " + contactsWhenSeen + ")"
                : "seen " + latency + " s after the 30th contact";
        return new Result(seed, day, speed, history.size(), sent, group, campaign.size(), thirtieth, seenAt, latency,
                contactsWhenSeen, seenAt != null, note);
    }

    private static Duration scaled(Duration wall, double speed) {
        return Duration.ofMillis((long) (wall.toMillis() * speed));
    }

    private static ContactStream.Contact moved(ContactStream.Contact c, Instant at) {
        return new ContactStream.Contact(c.externalId(), at, c.channel(), c.text(), c.residentHash(), c.matchedSlugs(),
                c.confirmedSlugs(), c.kind(), c.group());
    }

    /** Whether the sidebar lists a campaign whose template belongs to the injected group. */
    private static boolean seen(HttpClient http, String url, String connector, String analyst, String tenant,
            Set<Long> groupShingles, Set<String> checked, JsonMapper json) throws Exception {
        JsonNode active = get(http, url + "/api/v1/campaigns/active?tenant=" + tenant, connector, json);
        for (JsonNode campaign : active.get("campaigns")) {
            String id = campaign.get("id").asString();
            if (!checked.add(id)) {
                continue;
            }
            JsonNode full = get(http, url + "/api/v1/campaigns/" + id, analyst, json);
            Set<Long> template = TextFingerprint.shingles(full.get("template").asString());
            long common = template.stream().filter(groupShingles::contains).count();
            if (!template.isEmpty() && common * 2 >= template.size()) {
                return true;
            }
            checked.add(id);
        }
        return false;
    }

    private static JsonNode get(HttpClient http, String url, String auth, JsonMapper json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return json.readTree(response.body());
    }
}
