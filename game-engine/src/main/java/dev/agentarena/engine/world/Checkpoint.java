package dev.agentarena.engine.world;

import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.simulation.StateCapture;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A world's whole state as its thread captured it (array copies: the format is written later, off the world's thread),
 * with what the engine keeps beside the simulation. {@code state} is the world's reused capture: the sink writes it
 * out and then calls {@link #release()}, after which the world may capture its next checkpoint. The sink completes {@code durable} once the checkpoint is stored (or fails it).
 *
 * @param offset       the offset of the last command applied (-1: none)
 * @param capturedAt   when the world's thread took it (epoch ms)
 * @param restoredFrom for a RESUMED checkpoint, the offset of the checkpoint the world was restored from
 */
public record Checkpoint(String worldId, long offset, long capturedAt, String reason, Long restoredFrom, long tick, int agents,
                         boolean running, List<String> teamBehaviors, ConfigRef configRef, ArenaConfig config,
                         StateCapture state, Runnable release, CompletableFuture<Void> durable) {
}
