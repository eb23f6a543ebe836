package dev.agentarena.contracts.messages;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A plain-words request to the copilot, keyed on Kafka by {@code requestId}.
 *
 * @param context what the asking UI panel sends along (world state, selected agent, current behavior…)
 */
public record LlmRequest(
        int schema,
        String requestId,
        String userId,
        String worldId,
        String query,
        JsonNode context,
        String conversationId,
        Instant requestedAt) implements VersionedMessage {
}
