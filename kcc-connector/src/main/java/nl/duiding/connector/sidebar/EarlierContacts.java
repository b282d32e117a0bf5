package nl.duiding.connector.sidebar;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import nl.duiding.connector.kb.KbApi;

/** "Eerder gevraagd" from two hashes of one resident (a key transition): one list, newest first, at most ten. */
final class EarlierContacts {

    static final int MAX = 10;

    private EarlierContacts() {
    }

    static List<KbApi.EarlierContact> merge(List<KbApi.EarlierContact> current, List<KbApi.EarlierContact> previous) {
        return Stream.concat(current.stream(), previous.stream()).distinct()
                .sorted(Comparator.comparing(KbApi.EarlierContact::occurredAt,
                        Comparator.nullsLast(Comparator.<Instant>reverseOrder())))
                .limit(MAX).toList();
    }
}
