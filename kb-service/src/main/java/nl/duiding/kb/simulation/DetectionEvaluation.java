package nl.duiding.kb.simulation;

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

/**
 * Scores daily reports against what a {@link ContactStream} injected. A campaign counts per day: every injected
 * campaign with at least 30 contacts from at least 20 residents on a day must be among that day's report campaigns.
 * A report campaign belongs to the injected group whose contacts (scrubbed) hold at least half of its template's
 * word bigrams; one that belongs to no campaign is false, and one that belongs to a repeat caller is false too.
 */
public final class DetectionEvaluation {

    /**
     * @param falseOnFirstDay    false campaigns on the stream's first day, when the tenant has no history yet
     * @param eligibleOnFirstDay campaign-days on that first day
     * @param foundOnFirstDay    ...of which reported
     */
    public record Result(int eligible, int found, int reported, int falseCampaigns, int repeatCallersAsCampaign,
            int days, List<String> notes, int falseOnFirstDay, int eligibleOnFirstDay, int foundOnFirstDay) {

        public double recall() {
            return eligible == 0 ? 1 : (double) found / eligible;
        }

        /**
         * Recall over the campaign-days after the first: on its first day the tenant has no history, and a campaign
         * that arrives like the day's other contacts is, by design, seen from the second day on
         * (docs/kb-service-signals.md, "Cold start").
         */
        public double recallWithHistory() {
            int withHistory = eligible - eligibleOnFirstDay;
            return withHistory == 0 ? 1 : (double) (found - foundOnFirstDay) / withHistory;
        }

        public double falsePerWeek() {
            return days == 0 ? 0 : falseCampaigns * 7.0 / days;
        }

        /** False campaigns per week once the tenant has a history (the first day left out). */
        public double falsePerWeekWithHistory() {
            return days <= 1 ? 0 : (falseCampaigns - falseOnFirstDay) * 7.0 / (days - 1);
        }
    }

    private DetectionEvaluation() {
    }

    public static Result evaluate(ContactStream.Stream2 stream, ZoneId zone, Map<LocalDate, List<String>> reported) {
        ContactScrubber scrubber = new ContactScrubber();
        Map<String, Set<Long>> shinglesByGroupDay = new HashMap<>();
        Map<String, Set<String>> residents = new HashMap<>();
        Map<String, Integer> contacts = new HashMap<>();
        Map<Integer, String> kinds = new HashMap<>();
        stream.injected().forEach(i -> kinds.put(i.group(), i.kind()));
        for (ContactStream.Contact c : stream.contacts()) {
            if (c.group() == 0) {
                continue;
            }
            String key = c.group() + "@" + c.occurredAt().atZone(zone).toLocalDate();
            shinglesByGroupDay.computeIfAbsent(key, k -> new HashSet<>())
                    .addAll(TextFingerprint.shingles(scrubber.clean(c.text())));
            residents.computeIfAbsent(key, k -> new HashSet<>()).add(c.residentHash());
            contacts.merge(key, 1, Integer::sum);
        }
        Set<String> eligible = new HashSet<>();
        contacts.forEach((key, n) -> {
            int group = Integer.parseInt(key.substring(0, key.indexOf('@')));
            if ("belactie".equals(kinds.get(group)) && n >= 30 && residents.get(key).size() >= 20) {
                eligible.add(key);
            }
        });
        Set<String> found = new HashSet<>();
        int reportedCount = 0;
        int falseCampaigns = 0;
        int repeatAsCampaign = 0;
        int falseOnFirstDay = 0;
        LocalDate firstDay = reported.keySet().stream().min(LocalDate::compareTo).orElse(null);
        List<String> notes = new ArrayList<>();
        for (var entry : reported.entrySet()) {
            for (String template : entry.getValue()) {
                reportedCount++;
                Set<Long> t = TextFingerprint.shingles(template);
                String best = null;
                double bestShare = 0.5;
                for (var group : shinglesByGroupDay.entrySet()) {
                    if (!group.getKey().endsWith("@" + entry.getKey()) || t.isEmpty()) {
                        continue;
                    }
                    long common = t.stream().filter(group.getValue()::contains).count();
                    double share = (double) common / t.size();
                    if (share >= bestShare) {
                        bestShare = share;
                        best = group.getKey();
                    }
                }
                String kind = best == null ? null : kinds.get(Integer.parseInt(best.substring(0, best.indexOf('@'))));
                if ("belactie".equals(kind)) {
                    found.add(best);
                } else {
                    falseCampaigns++;
                    if (entry.getKey().equals(firstDay)) {
                        falseOnFirstDay++;
                    }
                    if ("herhaald".equals(kind)) {
                        repeatAsCampaign++;
                    }
                    notes.add(entry.getKey() + ": false campaign (" + (kind == null ? "background" : kind) + "): "
                            + template.substring(0, Math.min(100, template.length())));
                }
            }
        }
        for (String key : eligible) {
            if (!found.contains(key)) {
                notes.add("missed campaign " + key + " (" + contacts.get(key) + " contacts, "
                        + residents.get(key).size() + " residents)");
            }
        }
        int foundEligible = (int) eligible.stream().filter(found::contains).count();
        String onFirstDay = "@" + firstDay;
        int eligibleFirst = (int) eligible.stream().filter(key -> key.endsWith(onFirstDay)).count();
        int foundFirst = (int) eligible.stream().filter(key -> key.endsWith(onFirstDay) && found.contains(key)).count();
        return new Result(eligible.size(), foundEligible, reportedCount, falseCampaigns, repeatAsCampaign,
                reported.size(), notes, falseOnFirstDay, eligibleFirst, foundFirst);
    }
}
