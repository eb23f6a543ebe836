package dev.agentarena.engine.cluster;

import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.contracts.messages.MessageSchema;
import dev.agentarena.contracts.messages.WorldCommandRecord;
import dev.agentarena.contracts.messages.WorldCommandType;
import dev.agentarena.engine.world.ConfigRef;
import dev.agentarena.engine.world.WorldCommand;
import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** How a {@link WorldCommand} travels on {@code arena.world.commands}, and which partition a world's commands use. */
public final class WorldCommands {

    private WorldCommands() {
    }

    /** The partition of a world's commands: what Kafka's default partitioner computes for the world id as key. */
    public static int partitionOf(String worldId, int partitions) {
        return Utils.toPositive(Utils.murmur2(worldId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    public static WorldCommandRecord create(String commandId, String worldId, ArenaConfig config, ConfigRef source,
                                            String userId) {
        return new WorldCommandRecord(MessageSchema.CURRENT, commandId, worldId, WorldCommandType.CREATE, null, null,
                config, source == null ? null : source.id(), source == null ? null : source.version(), null, null,
                userId, System.currentTimeMillis());
    }

    public static WorldCommandRecord delete(String commandId, String worldId, String userId) {
        return new WorldCommandRecord(MessageSchema.CURRENT, commandId, worldId, WorldCommandType.DELETE, null, null,
                null, null, null, null, null, userId, System.currentTimeMillis());
    }

    /** The record of a command a client gave a world. */
    public static WorldCommandRecord of(String commandId, String worldId, WorldCommand command, String userId) {
        WorldCommandType type;
        Integer team = null;
        Integer count = null;
        ArenaConfig config = null;
        ConfigRef source = null;
        String behaviorId = null;
        List<Long> agents = null;
        if (command instanceof WorldCommand.Start) {
            type = WorldCommandType.START;
        } else if (command instanceof WorldCommand.Pause) {
            type = WorldCommandType.PAUSE;
        } else if (command instanceof WorldCommand.Step) {
            type = WorldCommandType.STEP;
        } else if (command instanceof WorldCommand.Reset) {
            type = WorldCommandType.RESET;
        } else if (command instanceof WorldCommand.AddAgents add) {
            type = WorldCommandType.ADD_AGENTS;
            team = add.team();
            count = add.count();
        } else if (command instanceof WorldCommand.ApplyConfig apply) {
            type = WorldCommandType.APPLY_CONFIG;
            config = apply.config();
            source = apply.source();
        } else if (command instanceof WorldCommand.SetTeamBehavior set) {
            type = WorldCommandType.SET_TEAM_BEHAVIOR;
            team = set.team();
            behaviorId = set.behaviorId();
        } else {
            WorldCommand.SetAgentBehavior set = (WorldCommand.SetAgentBehavior) command;
            type = WorldCommandType.SET_AGENT_BEHAVIOR;
            behaviorId = set.behaviorId();
            agents = set.agentIds();
        }
        return new WorldCommandRecord(MessageSchema.CURRENT, commandId, worldId, type, team, count, config,
                source == null ? null : source.id(), source == null ? null : source.version(), behaviorId, agents,
                userId, System.currentTimeMillis());
    }

    /** The world command a record carries; empty for CREATE and DELETE, which change the set of worlds instead. */
    public static Optional<WorldCommand> command(WorldCommandRecord record) {
        return Optional.ofNullable(switch (record.type()) {
            case CREATE, DELETE -> null;
            case START -> new WorldCommand.Start();
            case PAUSE -> new WorldCommand.Pause();
            case STEP -> new WorldCommand.Step();
            case RESET -> new WorldCommand.Reset();
            case ADD_AGENTS -> new WorldCommand.AddAgents(record.team(), record.count());
            case APPLY_CONFIG -> new WorldCommand.ApplyConfig(record.config(), source(record));
            case SET_TEAM_BEHAVIOR -> new WorldCommand.SetTeamBehavior(record.team(), record.behaviorId());
            case SET_AGENT_BEHAVIOR -> new WorldCommand.SetAgentBehavior(record.agentIds(), record.behaviorId());
        });
    }

    /** The stored config a CREATE or APPLY_CONFIG record names (null: not a stored one). */
    public static ConfigRef source(WorldCommandRecord record) {
        return record.configId() == null ? null : new ConfigRef(record.configId(), record.configVersion());
    }
}
