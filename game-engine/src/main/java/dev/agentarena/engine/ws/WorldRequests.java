package dev.agentarena.engine.ws;

import dev.agentarena.contracts.FieldError;
import dev.agentarena.contracts.messages.ConfigRecord;
import dev.agentarena.engine.view.ConfigView;
import dev.agentarena.engine.world.CommandAdmission;
import dev.agentarena.engine.world.ConfigRef;
import dev.agentarena.engine.world.WorldCommand;
import dev.agentarena.engine.world.WorldHandle;
import dev.agentarena.engine.world.WorldManager;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/** The world commands a client may send; each becomes a {@link WorldCommand} in the world's queue. */
@ApplicationScoped
public class WorldRequests implements RequestHandler {

    private final WorldManager worlds;
    private final ConfigView configs;

    public WorldRequests(WorldManager worlds, ConfigView configs) {
        this.worlds = worlds;
        this.configs = configs;
    }

    @Override
    public Map<String, Route> routes() {
        return Map.of(
                "start", (session, request) -> submit(session, request, new WorldCommand.Start()),
                "pause", (session, request) -> submit(session, request, new WorldCommand.Pause()),
                "step", (session, request) -> submit(session, request, new WorldCommand.Step()),
                "reset", (session, request) -> submit(session, request, new WorldCommand.Reset()),
                "add_agent", this::addAgents,
                "apply_config", this::applyConfig);
    }

    private void addAgents(ClientSession session, ClientRequest request) {
        Integer team = request.field("team", Integer.class, true);
        Integer count = request.field("count", Integer.class, false);
        ClientLimits.Range allowed = ClientLimits.ADD_AGENT_COUNT;
        if (count != null && !allowed.contains(count)) {
            String range = "count must be between " + allowed.min() + " and " + allowed.max();
            throw new ProtocolException(request.requestId(), ErrorCode.BAD_MESSAGE, range,
                    List.of(new FieldError("/count", "OUT_OF_RANGE", range)));
        }
        submit(session, request, new WorldCommand.AddAgents(team, count == null ? 1 : count));
    }

    private void applyConfig(ClientSession session, ClientRequest request) {
        String configId = request.field("configId", String.class, true);
        ConfigRecord config = configs.find(configId).orElseThrow(() -> new ProtocolException(
                request.requestId(), ErrorCode.NOT_FOUND, "no config " + configId, List.of()));
        submit(session, request, new WorldCommand.ApplyConfig(config.settings(),
                new ConfigRef(config.id(), config.version())));
    }

    /** Puts {@code command} into the asker's world queue and replies command_accepted, or refuses with the reason. */
    void submit(ClientSession session, ClientRequest request, WorldCommand command) {
        WorldHandle world = worlds.find(session.worldId()).orElseThrow(() -> new ProtocolException(request.requestId(),
                ErrorCode.NOT_FOUND, "world " + session.worldId() + " no longer exists", List.of()));
        CommandAdmission outcome = world.submit(command);
        if (!outcome.accepted()) {
            ErrorCode code = "TOO_MANY_AGENTS".equals(outcome.code())
                    ? ErrorCode.AGENT_LIMIT : ErrorCode.WORLD_REJECTED;
            throw new ProtocolException(request.requestId(), code, outcome.reason(), List.of());
        }
        session.send(new ServerMessages.CommandAccepted(request.requestId(), command.name()));
    }
}
