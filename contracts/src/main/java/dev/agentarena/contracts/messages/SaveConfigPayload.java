package dev.agentarena.contracts.messages;

import dev.agentarena.contracts.config.ArenaConfig;

/** Payload of {@link CommandType#SAVE_CONFIG}: a named configuration. */
public record SaveConfigPayload(String name, ArenaConfig settings) {
}
