package dev.agentarena.engine.ws;

import dev.agentarena.contracts.FieldError;
import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.contracts.messages.ConfigRecord;
import dev.agentarena.contracts.messages.WorldCheckpoint;
import dev.agentarena.contracts.messages.WorldCommandRecord;
import dev.agentarena.contracts.messages.WorldListing;
import dev.agentarena.engine.cluster.ClusterConfig;
import dev.agentarena.engine.cluster.WorldCommandLog;
import dev.agentarena.engine.cluster.WorldCommands;
import dev.agentarena.engine.cluster.WorldDirectory;
import dev.agentarena.engine.config.EngineConfig;
import dev.agentarena.engine.view.ConfigView;
import dev.agentarena.engine.world.ConfigRef;
import dev.agentarena.engine.world.WorldException;
import dev.agentarena.engine.world.WorldInfo;
import dev.agentarena.engine.world.WorldManager;
import dev.agentarena.engine.world.WorldSettings;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * list_worlds, create_world and delete_world over all the engines' worlds. A create or delete is a command in the
 * world's log, carried out by whichever engine owns the world's partition: the reply comes once the world's listing
 * shows it done (or TIMEOUT). At most {@code arena.engine.worlds.max-worlds} worlds exist in all, and at most
 * {@code arena.engine.max-worlds-per-user} created by one user.
 */
@ApplicationScoped
public class WorldAdminRequests implements RequestHandler {

    private final WorldManager worlds;
    private final WorldDirectory directory;
    private final WorldCommandLog log;
    private final ConfigView configs;
    private final int maxWorldsPerUser;
    private final int maxWorlds;
    private final Duration timeout;
    /** Creations sent and not answered yet, by user: they count toward the user's limit until they are. */
    private final Map<String, Integer> creating = new HashMap<>();

    public WorldAdminRequests(WorldManager worlds, WorldDirectory directory, WorldCommandLog log, ConfigView configs,
                              EngineConfig config, WorldSettings settings, ClusterConfig cluster) {
        this.worlds = worlds;
        this.directory = directory;
        this.log = log;
        this.configs = configs;
        this.maxWorldsPerUser = config.maxWorldsPerUser();
        this.maxWorlds = settings.maxWorlds();
        this.timeout = cluster.requestTimeout();
    }

    @Override
    public Map<String, Route> routes() {
        return Map.of(
                "list_worlds", (session, request) -> session.send(new ServerMessages.WorldList(request.requestId(), list())),
                "create_world", (session, request) -> refusingWorldErrors(request, () -> create(session, request)),
                "delete_world", (session, request) -> refusingWorldErrors(request, () -> delete(session, request)));
    }

    /** Every world: those run here as they are now, the others as their last checkpoint says. */
    private List<WorldInfo> list() {
        Map<String, WorldInfo> all = new HashMap<>();
        for (WorldListing listing : directory.listings()) {
            all.put(listing.worldId(), elsewhere(listing.worldId(), directory.checkpoint(listing.worldId())));
        }
        worlds.list().forEach(info -> all.put(info.id(), info));
        return all.values().stream().sorted(Comparator.comparing(WorldInfo::id)).toList();
    }

    private static WorldInfo elsewhere(String worldId, Optional<WorldCheckpoint> checkpoint) {
        return checkpoint.map(saved -> new WorldInfo(worldId, saved.running(), saved.tick(), 0, saved.agents(), List.of(),
                        0, 0, saved.config()))
                .orElseGet(() -> new WorldInfo(worldId, false, 0, 0, 0, List.of(), 0, 0, ArenaConfig.defaults()));
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

    private boolean exists(String worldId) {
        return directory.listing(worldId).isPresent() || worlds.find(worldId).isPresent();
    }

    private void create(ClientSession session, ClientRequest request) {
        String worldId = request.field("worldId", String.class, true);
        String configId = request.field("configId", String.class, false);
        ConfigRecord stored = configId == null ? null : configs.find(configId)
                .orElseThrow(() -> new ProtocolException(request.requestId(), ErrorCode.NOT_FOUND, "no config " + configId,
                        List.of()));
        ArenaConfig config = stored == null ? ArenaConfig.defaults() : stored.settings();
        ConfigRef source = stored == null ? ConfigRef.DEFAULT : new ConfigRef(stored.id(), stored.version());
        WorldManager.checkNew(worldId, config);
        if (exists(worldId)) {
            throw new WorldException("WORLD_EXISTS", "world " + worldId + " exists already");
        }
        String userId = session.user().id();
        // One user's creations are counted and sent one at a time, so that two at once cannot both pass the limit.
        synchronized (creating) {
            long own = directory.listings().stream().filter(listing -> userId.equals(listing.creatorId())).count()
                    + creating.getOrDefault(userId, 0);
            if (own >= maxWorldsPerUser) {
                throw new ProtocolException(request.requestId(), ErrorCode.WORLD_LIMIT, "a user may create at most "
                        + maxWorldsPerUser + " worlds; delete one of yours first", List.of());
            }
            if (directory.listings().size() >= maxWorlds) {
                throw new WorldException("WORLD_LIMIT", "at most " + maxWorlds + " worlds exist at once");
            }
            creating.merge(userId, 1, Integer::sum);
        }
        String commandId = UUID.randomUUID().toString();
        directory.await(worldId, Optional::isPresent, timeout).whenComplete((listing, failure) -> {
            synchronized (creating) {
                creating.computeIfPresent(userId, (user, count) -> count > 1 ? count - 1 : null);
            }
            if (failure != null) {
                session.send(timedOut(request, "create_world", worldId));
            } else if (!commandId.equals(listing.get().createCommandId())) {
                session.send(new ServerMessages.Error(request.requestId(), ErrorCode.CONFLICT,
                        "world " + worldId + " exists already", List.of()));
            } else {
                session.send(new ServerMessages.WorldCreated(request.requestId(), worlds.find(worldId)
                        .map(world -> world.info()).orElseGet(() -> elsewhere(worldId, Optional.empty()))));
            }
        });
        append(session, request, WorldCommands.create(commandId, worldId, config, source, userId));
    }

    private void delete(ClientSession session, ClientRequest request) {
        String worldId = request.field("worldId", String.class, true);
        if (WorldManager.DEFAULT_WORLD.equals(worldId)) {
            throw new WorldException("FORBIDDEN", "world default cannot be deleted");
        }
        if (!exists(worldId)) {
            throw new WorldException("NOT_FOUND", "no world " + worldId);
        }
        directory.await(worldId, listing -> listing.isEmpty() && worlds.find(worldId).isEmpty(), timeout)
                .whenComplete((listing, failure) -> session.send(failure != null
                        ? timedOut(request, "delete_world", worldId)
                        : new ServerMessages.WorldDeleted(request.requestId(), worldId)));
        append(session, request, WorldCommands.delete(UUID.randomUUID().toString(), worldId, session.user().id()));
    }

    private void append(ClientSession session, ClientRequest request, WorldCommandRecord command) {
        log.append(command).whenComplete((done, failure) -> {
            if (failure != null) {
                session.send(new ServerMessages.Error(request.requestId(), ErrorCode.UNAVAILABLE,
                        "the world's command log cannot be reached; nothing was changed", List.of()));
            }
        });
    }

    private ServerMessages.Error timedOut(ClientRequest request, String what, String worldId) {
        return new ServerMessages.Error(request.requestId(), ErrorCode.TIMEOUT, what + " of " + worldId
                + " was not confirmed within " + timeout.toSeconds() + " s; list_worlds shows whether it happened", List.of());
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
