package dev.agentarena.contracts.messages;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A record of the compacted {@code arena.users.tokens} topic, keyed by {@code tokenHash}: the hash (SHA-256 of the
 * token, base64url) belongs to {@code userId}. A revoked token is a tombstone under its hash.
 */
public record TokenGrant(int schema, String tokenHash, String userId) implements VersionedMessage {

    /**
     * The hash under which a token is stored and published. Persistence computes it when it issues a token, the
     * engine when a client presents one: both sides must agree on it, so it lives with the record.
     */
    public static String hashOf(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
