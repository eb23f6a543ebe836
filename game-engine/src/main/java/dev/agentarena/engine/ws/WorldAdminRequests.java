package dev.agentarena.engine.ws;

import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.contracts.messages.ConfigRecord;
import dev.agentarena.engine.view.ConfigView;
import dev.agentarena.engine.world.WorldException;
import dev.agentarena.engine.world.WorldInfo;
import dev.agentarena.engine.world.WorldManager;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;

/** list_worlds, create_world and delete_world: the worlds this engine runs, within its configured maximum. */
@ApplicationScoped
public class WorldAdminRequests {

    private static final Set<String> TYPES = Set.of("list_worlds", "create_world", "delete_world");

    private final WorldManager worlds;
    private final ConfigView configs;
    private final SessionRegistry sessions;

    public WorldAdminRequests(WorldManager worlds, ConfigView configs, SessionRegistry sessions) {
        this.worlds = worlds;
        this.configs = configs;
        this.sessions = sessions;
    }

    boolean handles(String type) {
        return TYPES.contains(type);
    }

    void handle(ClientSession session, ClientRequest request) {
        try {
            switch (request.type()) {
                case "list_worlds" -> session.send(new ServerMessages.WorldList(request.requestId(), worlds.list()));
                case "create_world" -> create(session, request);
                case "delete_world" -> delete(session, request);
                default -> throw new IllegalArgumentException("not a world admin message: " + request.type());
            }
        } catch (WorldException e) {
            throw new ProtocolException(request.requestId(), codeOf(e), e.getMessage(), List.of());
        }
    }

    private void create(ClientSession session, ClientRequest request) {
        String worldId = request.field("worldId", String.class, true);
        String configId = request.field("configId", String.class, false);
        ArenaConfig config = configId == null ? ArenaConfig.defaults() : configs.find(configId).map(ConfigRecord::settings)
                .orElseThrow(() -> new ProtocolException(request.requestId(), ErrorCode.NOT_FOUND, "no config " + configId, List.of()));
        WorldInfo created = worlds.create(worldId, config).info();
        session.send(new ServerMessages.WorldCreated(request.requestId(), created));
    }

    private void delete(ClientSession session, ClientRequest request) {
        String worldId = request.field("worldId", String.class, true);
        worlds.delete(worldId);
        session.send(new ServerMessages.WorldDeleted(request.requestId(), worldId));
        var gone = new ServerMessages.WorldDeleted(null, worldId);
        sessions.othersInWorld(worldId, session).forEach(viewer -> viewer.send(gone));
    }

    private static ErrorCode codeOf(WorldException e) {
        return switch (e.code()) {
            case "NOT_FOUND" -> ErrorCode.NOT_FOUND;
            case "WORLD_EXISTS" -> ErrorCode.CONFLICT;
            case "FORBIDDEN" -> ErrorCode.FORBIDDEN;
            case "INVALID_CONFIG" -> ErrorCode.INVALID_CONFIG;
            case "INVALID_ID" -> ErrorCode.BAD_MESSAGE;
            default -> ErrorCode.WORLD_REJECTED;
        };
    }
}
