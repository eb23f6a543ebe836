package dev.agentarena.contracts.messages;

import dev.agentarena.contracts.config.ArenaConfig;

import java.util.List;

/**
 * A record of the compacted {@code arena.world.checkpoints}, keyed by {@code worldId}: the world's whole state
 * ({@code state}, the simulation's save format in base64) after every command up to {@code offset} in its partition
 * of {@code arena.world.commands} (-1: none yet) was applied. Restoring it and applying the commands after
 * {@code offset} in order gives the world back. {@code takenAt} is when the world's thread captured it (epoch ms). {@code reason} says why it was taken (PERIODIC, PAUSED, CREATED,
 * HANDOVER, SHUTDOWN, RESUMED); a RESUMED checkpoint names in {@code restoredFrom} the offset of the checkpoint it was
 * restored from (null otherwise). The rest is what the engine keeps beside the simulation (whether it runs, the
 * team behaviors it gives a rebuilt simulation, the stored config it runs) and a summary for world lists (tick,
 * agents, config: also inside the state).
 */
public record WorldCheckpoint(int schema, String worldId, String engineId, long offset, String reason, Long restoredFrom,
                              long takenAt, long tick, int agents, boolean running, List<String> teamBehaviors,
                              String configId, Long configVersion, ArenaConfig config, String state)
        implements VersionedMessage {
}
