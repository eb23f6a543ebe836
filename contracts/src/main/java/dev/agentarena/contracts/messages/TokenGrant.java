package dev.agentarena.contracts.messages;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A record of the compacted {@code arena.users.tokens} topic, keyed by {@code tokenHash}: the hash (SHA-256 of the
 * token, base64url) belongs to {@code userId}. A revoked token is a tombstone under its hash.
 */
public record TokenGrant(int schema, String tokenHash, String userId) implements VersionedMessage {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    /** What {@link #hashOf} returns: 32 bytes in base64url without padding. */
    private static final Pattern HASH = Pattern.compile("[A-Za-z0-9_-]{43}");

    /**
     * A new sign-in token: 256 random bits, base64url (43 characters). For a random 256-bit secret a fast hash is
     * enough (there is nothing to guess from), and the hash is no token, so knowing it grants nothing.
     */
    public static String newToken() {
        byte[] bits = new byte[32];
        RANDOM.nextBytes(bits);
        return BASE64URL.encodeToString(bits);
    }

    /** True when {@code value} has the form of a {@link #hashOf} result. */
    public static boolean isHash(String value) {
        return value != null && HASH.matcher(value).matches();
    }

    /**
     * The hash under which a token is stored and published. The engine computes it when it issues a token (the
     * {@code CREATE_USER} command carries it) and when a client presents one; persistence checks its form.
     */
    public static String hashOf(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return BASE64URL.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
