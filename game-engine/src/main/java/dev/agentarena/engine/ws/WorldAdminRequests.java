package dev.agentarena.engine.ws;

import dev.agentarena.contracts.FieldError;
import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.contracts.messages.ConfigRecord;
import dev.agentarena.engine.config.EngineConfig;
import dev.agentarena.engine.view.ConfigView;
import dev.agentarena.engine.world.ConfigRef;
import dev.agentarena.engine.world.WorldException;
import dev.agentarena.engine.world.WorldInfo;
import dev.agentarena.engine.world.WorldManager;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * list_worlds, create_world and delete_world: the worlds this engine runs, within its configured maximum and
 * at most {@code arena.engine.max-worlds-per-user} created by one user.
 */
@ApplicationScoped
public class WorldAdminRequests implements RequestHandler {

    private final WorldManager worlds;
    private final ConfigView configs;
    private final SessionRegistry sessions;
    private final int maxWorldsPerUser;
    /** Who created each world that a user created and nobody has deleted yet. */
    private final Map<String, String> creators = new ConcurrentHashMap<>();

    public WorldAdminRequests(WorldManager worlds, ConfigView configs, SessionRegistry sessions, EngineConfig config) {
        this.worlds = worlds;
        this.configs = configs;
        this.sessions = sessions;
        this.maxWorldsPerUser = config.maxWorldsPerUser();
    }

    @Override
    public Map<String, Route> routes() {
        return Map.of(
                "list_worlds",
                (session, request) -> session.send(new ServerMessages.WorldList(request.requestId(), worlds.list())),
                "create_world", (session, request) -> refusingWorldErrors(request, () -> create(session, request)),
                "delete_world", (session, request) -> refusingWorldErrors(request, () -> delete(session, request)));
    }

    private static void refusingWorldErrors(ClientRequest request, Runnable action) {
        try {
            action.run();
        } catch (WorldException e) {
            ErrorCode code = codeOf(e);
            List<FieldError> errors = code == ErrorCode.BAD_MESSAGE
                    ? List.of(new FieldError("/worldId", "BAD_VALUE", e.getMessage())) : List.of();
            throw new ProtocolException(request.requestId(), code, e.getMessage(), errors);
        }
    }

    private void create(ClientSession session, ClientRequest request) {
        String worldId = request.field("worldId", String.class, true);
        String configId = request.field("configId", String.class, false);
        ConfigRecord stored = configId == null ? null : configs.find(configId)
                .orElseThrow(() -> new ProtocolException(request.requestId(), ErrorCode.NOT_FOUND, "no config " + configId,
                        List.of()));
        ArenaConfig config = stored == null ? ArenaConfig.defaults() : stored.settings();
        ConfigRef source = stored == null ? ConfigRef.DEFAULT : new ConfigRef(stored.id(), stored.version());
        String userId = session.user().id();
        WorldInfo created;
        // One user's creations are counted and made one at a time, so that two at once cannot both pass the limit.
        synchronized (creators) {
            long own = creators.values().stream().filter(userId::equals).count();
            if (own >= maxWorldsPerUser) {
                throw new ProtocolException(request.requestId(), ErrorCode.WORLD_LIMIT, "a user may create at most "
                        + maxWorldsPerUser + " worlds; delete one of yours first", List.of());
            }
            created = worlds.create(worldId, config, source).info();
            creators.put(worldId, userId);
        }
        session.send(new ServerMessages.WorldCreated(request.requestId(), created));
    }

    private void delete(ClientSession session, ClientRequest request) {
        String worldId = request.field("worldId", String.class, true);
        worlds.delete(worldId);
        creators.remove(worldId);
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
            case "WORLD_LIMIT" -> ErrorCode.WORLD_LIMIT;
            default -> ErrorCode.WORLD_REJECTED;
        };
    }
}
