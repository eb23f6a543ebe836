package dev.agentarena.engine.world;

import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.simulation.state.StateWriter;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A world's whole state as its thread wrote it, with what the engine keeps beside the simulation. {@code state} is
 * the world's reused writer: the sink reads it and then calls {@link #release()}, after which the world may write
 * its next checkpoint. The sink completes {@code durable} once the checkpoint is stored (or fails it).
 *
 * @param offset       the offset of the last command applied (-1: none)
 * @param restoredFrom for a RESUMED checkpoint, the offset of the checkpoint the world was restored from
 */
public record Checkpoint(String worldId, long offset, String reason, Long restoredFrom, long tick, int agents,
                         boolean running, List<String> teamBehaviors, ConfigRef configRef, ArenaConfig config,
                         StateWriter state, Runnable release, CompletableFuture<Void> durable) {
}
