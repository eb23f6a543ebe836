package dev.agentarena.engine.ws;

import dev.agentarena.contracts.FieldError;
import dev.agentarena.contracts.messages.ConfigRecord;
import dev.agentarena.engine.cluster.WorldCommandLog;
import dev.agentarena.engine.cluster.WorldCommands;
import dev.agentarena.engine.view.ConfigView;
import dev.agentarena.engine.world.CommandAdmission;
import dev.agentarena.engine.world.ConfigRef;
import dev.agentarena.engine.world.WorldCommand;
import dev.agentarena.engine.world.WorldHandle;
import dev.agentarena.engine.world.WorldManager;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The world commands a client may send. Each is checked by the world ({@link WorldHandle#admit}), appended to the
 * world's command log and accepted once the log has it; the world applies it when the log delivers it back.
 */
@ApplicationScoped
public class WorldRequests implements RequestHandler {

    private final WorldManager worlds;
    private final ConfigView configs;
    private final WorldCommandLog log;

    public WorldRequests(WorldManager worlds, ConfigView configs, WorldCommandLog log) {
        this.worlds = worlds;
        this.configs = configs;
        this.log = log;
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

    void submit(ClientSession session, ClientRequest request, WorldCommand command) {
        submit(session, request, command, () -> { });
    }

    /**
     * Admits {@code command} to the asker's world and appends it to the world's log; once the log has it, replies
     * command_accepted and runs {@code onAccepted}. A refusal names the reason; a log that cannot be reached answers
     * UNAVAILABLE, and the command is then not applied.
     */
    void submit(ClientSession session, ClientRequest request, WorldCommand command, Runnable onAccepted) {
        WorldHandle world = worlds.find(session.worldId()).orElseThrow(() -> new ProtocolException(request.requestId(),
                ErrorCode.NOT_FOUND, "world " + session.worldId() + " does not run on this engine (any more)", List.of()));
        String commandId = UUID.randomUUID().toString();
        CommandAdmission outcome = world.admit(command, commandId);
        if (!outcome.accepted()) {
            ErrorCode code = "TOO_MANY_AGENTS".equals(outcome.code())
                    ? ErrorCode.AGENT_LIMIT : ErrorCode.WORLD_REJECTED;
            throw new ProtocolException(request.requestId(), code, outcome.reason(), List.of());
        }
        log.append(WorldCommands.of(commandId, world.id(), command, session.user().id())).whenComplete((done, failure) -> {
            if (failure != null) {
                world.cancel(commandId);
                session.send(new ServerMessages.Error(request.requestId(), ErrorCode.UNAVAILABLE,
                        "the world's command log cannot be reached; " + command.name() + " was not applied", List.of()));
                return;
            }
            session.send(new ServerMessages.CommandAccepted(request.requestId(), command.name()));
            onAccepted.run();
        });
    }
}
