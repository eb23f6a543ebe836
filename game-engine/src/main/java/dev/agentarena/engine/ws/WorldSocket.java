package dev.agentarena.engine.ws;

import dev.agentarena.contracts.json.Json;
import dev.agentarena.engine.config.EngineConfig;
import dev.agentarena.engine.view.UserView;
import dev.agentarena.engine.world.WorldHandle;
import dev.agentarena.engine.world.WorldManager;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.buffer.Buffer;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The client endpoint of one world. It only parses, checks limits and routes: nothing here touches the
 * simulation directly (world changes go through the world's command queue), and every failure becomes an
 * {@code error} to this client alone while the connection and the world go on.
 * The connection arrives as a parameter: that is the connection itself, usable from any thread (the world's
 * loop sends state on it), where an injected one would be a proxy bound to the connection's own context.
 */
@WebSocket(path = "/ws/worlds/{worldId}")
public class WorldSocket {

    private static final Logger LOG = Logger.getLogger(WorldSocket.class);

    private final SessionRegistry sessions;
    private final WorldManager worlds;
    private final WorldFeeds feeds;
    private final UserView users;
    private final MessageRouter router;
    private final EngineConfig config;
    private final Counter droppedStates;
    private final MeterRegistry registry;

    public WorldSocket(SessionRegistry sessions, WorldManager worlds, WorldFeeds feeds,
                       UserView users, MessageRouter router, EngineConfig config, MeterRegistry registry) {
        this.sessions = sessions;
        this.worlds = worlds;
        this.feeds = feeds;
        this.users = users;
        this.router = router;
        this.config = config;
        this.registry = registry;
        this.droppedStates = registry.counter("arena.engine.ws.state.skipped");
    }

    @OnOpen
    @NonBlocking
    public void onOpen(WebSocketConnection connection) {
        String worldId = connection.pathParam("worldId");
        Optional<WorldHandle> world = worlds.find(worldId);
        if (world.isEmpty()) {
            connection.sendText(Json.write(new ServerMessages.Error(null, ErrorCode.NOT_FOUND,
                    "no world " + worldId, List.of()))).subscribe().with(done -> connection.close().subscribe().with(
                    closed -> { }, failure -> { }), failure -> { });
            return;
        }
        var user = users.defaultUser();
        ClientSession session = new ClientSession(connection, worldId, user,
                new RateLimiter(config.messagesPerSecond(), config.messageBurst(), System.nanoTime()), droppedStates::increment);
        sessions.add(session);
        session.send(new ServerMessages.Welcome(connection.id(),
                new ServerMessages.UserInfo(user.id(), user.username(), user.isDefault(), user.settings()),
                world.get().info()));
        feeds.join(world.get(), session);
    }

    @OnTextMessage
    @NonBlocking
    public void onText(String frame, WebSocketConnection connection) {
        Optional<ClientSession> session = sessions.find(connection.id());
        if (session.isEmpty()) {
            return;
        }
        ClientSession client = session.get();
        if (!client.allowMessage(System.nanoTime())) {
            count("rate_limited");
            client.send(new ServerMessages.Error(null, ErrorCode.RATE_LIMITED,
                    "more than " + config.messagesPerSecond() + " messages per second; slow down", List.of()));
            return;
        }
        if (frame.getBytes(StandardCharsets.UTF_8).length > config.maxFrameBytes()) {
            count("too_large");
            client.send(new ServerMessages.Error(null, ErrorCode.FRAME_TOO_LARGE,
                    "frames are limited to " + config.maxFrameBytes() + " bytes", List.of()));
            return;
        }
        router.route(client, frame);
    }

    @OnBinaryMessage
    @NonBlocking
    public void onBinary(Buffer frame, WebSocketConnection connection) {
        sessions.find(connection.id()).ifPresent(client -> client.send(new ServerMessages.Error(null,
                ErrorCode.UNSUPPORTED_FRAME, "clients send JSON text frames only", List.of())));
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        sessions.remove(connection.id()).ifPresent(feeds::leave);
        LOG.debugf("connection %s closed", connection.id());
    }

    private void count(String outcome) {
        registry.counter("arena.engine.ws.messages", "type", "any", "outcome", outcome).increment();
    }
}
