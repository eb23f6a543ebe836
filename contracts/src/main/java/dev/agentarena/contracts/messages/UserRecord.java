package dev.agentarena.contracts.messages;

import java.time.Instant;
import java.util.Map;

/** A user as published on the {@code arena.users} changelog (keyed by id). */
public record UserRecord(
        int schema,
        String id,
        String username,
        boolean isDefault,
        Map<String, Object> settings,
        Instant createdAt,
        long version) implements VersionedMessage {
}
