package dev.agentarena.contracts.messages;

import java.time.Instant;

/**
 * Input the persistence service could not read as a command, as published on {@code arena.persistence.dead-letters}
 * (keyed like the original): why, and where it came from, so an operator can find and replay it.
 *
 * @param reason  one of {@link Reason}
 * @param detail  the reader's explanation
 * @param payload the original message, cut to {@link #MAX_PAYLOAD_CHARS} characters
 */
public record DeadLetter(int schema, Reason reason, String detail, String topic, int partition, long offset,
                         String key, String payload, Instant receivedAt) implements VersionedMessage {

    public static final int MAX_PAYLOAD_CHARS = 4096;

    public enum Reason {
        /** Not JSON, or JSON of the wrong shape. */
        BAD_JSON,
        /** A {@code type} this reader does not know. */
        UNKNOWN_TYPE,
        /** Longer than the service accepts. */
        OVERSIZED,
        /** A missing or malformed commandId, userId or entityId. */
        BAD_ID,
        /** Written with a schema newer than this reader's. */
        FUTURE_SCHEMA
    }
}
