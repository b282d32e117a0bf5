package nl.duiding.kb.signal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import nl.duiding.kb.matching.ContactChannel;
import nl.duiding.kb.narrative.TenantCode;

/**
 * One contact as the connector reports it, after validation and with its text already scrubbed.
 *
 * @param narratives what the contact is counted under: the agent's confirmed slugs, else what the sidebar matched
 */
record Signal(String source, String externalId, TenantCode tenant, ContactChannel channel, Instant occurredAt,
        String text, String residentHash, String subject, List<String> matchedSlugs, List<String> confirmedSlugs,
        String feedback) {

    Signal {
        matchedSlugs = List.copyOf(matchedSlugs);
        confirmedSlugs = List.copyOf(confirmedSlugs);
    }

    List<String> narratives() {
        return confirmedSlugs.isEmpty() ? matchedSlugs : confirmedSlugs;
    }

    /** The idempotency key as document id: the same contact from the same source is stored once. */
    String id() {
        return id(source, externalId);
    }

    static String id(String source, String externalId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((source + "\n" + externalId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
