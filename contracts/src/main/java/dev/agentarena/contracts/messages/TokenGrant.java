package dev.agentarena.contracts.messages;

/**
 * A record of the compacted {@code arena.users.tokens} topic, keyed by {@code tokenHash}: the hash (SHA-256 of the
 * token, base64url) belongs to {@code userId}. A revoked token is a tombstone under its hash.
 */
public record TokenGrant(int schema, String tokenHash, String userId) implements VersionedMessage {
}
