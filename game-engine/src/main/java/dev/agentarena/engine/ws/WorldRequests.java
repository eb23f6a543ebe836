package dev.agentarena.engine.ws;

import dev.agentarena.contracts.messages.ConfigRecord;
import dev.agentarena.engine.view.ConfigView;
import dev.agentarena.engine.world.CommandOutcome;
import dev.agentarena.engine.world.WorldCommand;
import dev.agentarena.engine.world.WorldHandle;
import dev.agentarena.engine.world.WorldManager;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;

/** The world commands a client may send; each becomes a {@link WorldCommand} in the world's queue. */
@ApplicationScoped
public class WorldRequests {

    private static final Set<String> TYPES = Set.of("start", "pause", "step", "reset", "add_agent", "apply_config");

    private final WorldManager worlds;
    private final ConfigView configs;

    public WorldRequests(WorldManager worlds, ConfigView configs) {
        this.worlds = worlds;
        this.configs = configs;
    }

    boolean handles(String type) {
        return TYPES.contains(type);
    }

    void handle(ClientSession session, ClientRequest request) {
        WorldCommand command = switch (request.type()) {
            case "start" -> new WorldCommand.Start();
            case "pause" -> new WorldCommand.Pause();
            case "step" -> new WorldCommand.Step();
            case "reset" -> new WorldCommand.Reset();
            case "add_agent" -> {
                Integer team = request.field("team", Integer.class, true);
                Integer count = request.field("count", Integer.class, false);
                yield new WorldCommand.AddAgents(team, count == null ? 1 : count);
            }
            case "apply_config" -> {
                String configId = request.field("configId", String.class, true);
                ConfigRecord config = configs.find(configId).orElseThrow(() -> new ProtocolException(
                        request.requestId(), ErrorCode.NOT_FOUND, "no config " + configId, List.of()));
                yield new WorldCommand.ApplyConfig(config.settings());
            }
            default -> throw new IllegalArgumentException("not a world command: " + request.type());
        };
        submit(session, request, command);
    }

    /** Puts {@code command} into the asker's world queue and replies command_accepted, or refuses with the reason. */
    void submit(ClientSession session, ClientRequest request, WorldCommand command) {
        WorldHandle world = worlds.find(session.worldId()).orElseThrow(() -> new ProtocolException(request.requestId(),
                ErrorCode.NOT_FOUND, "world " + session.worldId() + " no longer exists", List.of()));
        CommandOutcome outcome = world.submit(command);
        if (!outcome.accepted()) {
            throw new ProtocolException(request.requestId(), ErrorCode.WORLD_REJECTED, outcome.reason(), List.of());
        }
        session.send(new ServerMessages.CommandAccepted(request.requestId(), command.name()));
    }
}
