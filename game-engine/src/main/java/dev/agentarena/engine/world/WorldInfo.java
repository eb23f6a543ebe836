package dev.agentarena.engine.world;

import dev.agentarena.contracts.config.ArenaConfig;

/** What a client learns about a world on joining. */
public record WorldInfo(String id, boolean running, long tick, int agents, ArenaConfig config) {
}
