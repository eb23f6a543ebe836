package dev.agentarena.engine.world;

import dev.agentarena.contracts.config.ArenaConfig;

import java.util.List;

/**
 * What a client learns about a world: whether it runs, where it is in time, how many agents each team has
 * (index = team), how many viewers watch it, how long its ticks take on the engine (milliseconds, smoothed over
 * about the last second of ticks), and its config.
 */
public record WorldInfo(String id, boolean running, long tick, int round, int agents, List<Integer> teamAgents,
                        int viewers, double tickMillis, ArenaConfig config) {
}
