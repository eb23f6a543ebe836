package dev.agentarena.contracts.messages;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A request to change persisted state, keyed on Kafka by {@code entityId} (or {@code userId} when there is no
 * entity yet). Handling is idempotent on {@code commandId}: a redelivered command gets the first answer again.
 *
 * @param expectedVersion for an update, the version the writer last saw (optimistic concurrency); null to create
 * @param payload         the command's data, e.g. {@link SaveConfigPayload} or {@link SaveBehaviorPayload} as JSON
 */
public record PersistenceCommand(
        int schema,
        String commandId,
        CommandType type,
        String userId,
        String entityId,
        Long expectedVersion,
        JsonNode payload,
        Instant issuedAt) implements VersionedMessage {

    public static PersistenceCommand of(String commandId, CommandType type, String userId, String entityId,
                                        Long expectedVersion, JsonNode payload) {
        return new PersistenceCommand(MessageSchema.CURRENT, commandId, type, userId, entityId, expectedVersion,
                payload, Instant.now());
    }

    /** The Kafka key: commands on one entity stay ordered on one partition. */
    public String key() {
        return entityId != null ? entityId : userId;
    }
}
