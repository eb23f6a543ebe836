package dev.agentarena.contracts.messages;

import com.fasterxml.jackson.databind.JsonNode;

/** Payload of {@link CommandType#SAVE_BEHAVIOR}: the behavior-language document; its name comes from the document. */
public record SaveBehaviorPayload(JsonNode document) {
}
