package dev.agentarena.contracts.messages;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A user's saved behavior as published on the {@code arena.behaviors} changelog (keyed by id). The built-in
 * behaviors are not records: they ship with every service as resources ({@code BuiltInBehaviors}).
 *
 * @param name     the document's name, copied out so lists need not parse documents
 * @param version  increases by one on every committed change
 * @param document the behavior-language document, valid by {@code BehaviorValidator}
 */
public record BehaviorRecord(
        int schema,
        String id,
        String ownerId,
        String name,
        long version,
        Instant updatedAt,
        JsonNode document) implements OwnedRecord {
}
