package dev.agentarena.contracts.messages;

import dev.agentarena.contracts.config.ArenaConfig;

import java.util.List;

/**
 * A record of {@code arena.world.commands}, keyed by {@code worldId}: one change to one world, applied by the engine
 * that owns the world's partition in the order of the partition. Which fields are set depends on the type:
 * {@code config} (CREATE, APPLY_CONFIG) with {@code configId}/{@code configVersion} naming the stored config it is
 * (null: not a stored one), {@code team} (ADD_AGENTS, SET_TEAM_BEHAVIOR), {@code count} (ADD_AGENTS),
 * {@code behaviorId} (SET_TEAM_BEHAVIOR, SET_AGENT_BEHAVIOR: null returns the agents to their team's) and
 * {@code agentIds} (SET_AGENT_BEHAVIOR). {@code userId} is who asked; {@code issuedAt} when (epoch ms).
 */
public record WorldCommandRecord(int schema, String commandId, String worldId, WorldCommandType type, Integer team,
                                 Integer count, ArenaConfig config, String configId, Long configVersion,
                                 String behaviorId, List<Long> agentIds, String userId, long issuedAt)
        implements VersionedMessage {
}
