package dev.agentarena.contracts.messages;

import dev.agentarena.contracts.config.ArenaConfig;

import java.time.Instant;

/**
 * A persisted configuration as published on the {@code arena.configs} changelog (keyed by id).
 *
 * @param ownerId   the user who owns it; the default config is owned by the default user
 * @param isDefault the shared default every user sees; it can be neither changed nor deleted
 * @param version   increases by one on every committed change
 */
public record ConfigRecord(
        int schema,
        String id,
        String ownerId,
        String name,
        boolean isDefault,
        long version,
        Instant updatedAt,
        ArenaConfig settings) implements OwnedRecord {
}
