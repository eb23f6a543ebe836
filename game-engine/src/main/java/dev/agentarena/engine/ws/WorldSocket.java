package dev.agentarena.engine.ws;

import dev.agentarena.contracts.json.Json;
import dev.agentarena.engine.config.EngineConfig;
import dev.agentarena.engine.auth.Authenticator;
import dev.agentarena.engine.auth.Identity;
import dev.agentarena.engine.world.WorldHandle;
import dev.agentarena.engine.world.WorldManager;
import dev.agentarena.engine.cluster.EngineIdentity;
import dev.agentarena.engine.cluster.WorldDirectory;
import dev.agentarena.engine.cluster.WorldOwnership;
import dev.agentarena.contracts.messages.WorldListing;
import dev.agentarena.engine.ws.connection.CloseCodes;
import dev.agentarena.engine.ws.connection.ConnectionQuota;
import dev.agentarena.engine.ws.connection.ConnectionWriter;
import dev.agentarena.engine.ws.connection.RequestIds;
import dev.agentarena.engine.ws.connection.SocketTransport;
import dev.agentarena.engine.ws.connection.VertxConnectionLoop;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.handler.codec.CorruptedFrameException;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.buffer.Buffer;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The client endpoint of one world. It only checks limits, parses and routes: nothing here touches the
 * simulation directly (world changes go through the world's command queue), and every failure becomes an
 * {@code error} to this client alone while the connection and the world go on. Everything sent to a client
 * goes through its session's one ordered write path, bound in {@code @OnOpen} to the connection's event loop.
 */
@WebSocket(path = "/ws/worlds/{worldId}")
public class WorldSocket {

    private static final Logger LOG = Logger.getLogger(WorldSocket.class);

    private final SessionRegistry sessions;
    private final WorldManager worlds;
    private final WorldFeeds feeds;
    private final Authenticator authenticator;
    private final MessageRouter router;
    private final Resumption resumption;
    private final EngineConfig config;
    private final Counter skippedSnapshots;
    private final Counter messageBytes;
    private final Counter snapshotBytes;
    private final MeterRegistry registry;
    private final WorldDirectory directory;
    private final WorldOwnership ownership;
    /** This engine among the engines (not to be confused with the connecting user's {@link Identity}). */
    private final EngineIdentity engine;

    public WorldSocket(SessionRegistry sessions, WorldManager worlds, WorldFeeds feeds,
                       Authenticator authenticator, MessageRouter router, Resumption resumption, EngineConfig config,
                       MeterRegistry registry, WorldDirectory directory, WorldOwnership ownership,
                       EngineIdentity identity) {
        this.directory = directory;
        this.ownership = ownership;
        this.engine = identity;
        this.sessions = sessions;
        this.worlds = worlds;
        this.feeds = feeds;
        this.authenticator = authenticator;
        this.router = router;
        this.resumption = resumption;
        this.config = config;
        this.registry = registry;
        this.skippedSnapshots = registry.counter("arena.engine.ws.state.skipped");
        this.messageBytes = registry.counter("arena.engine.ws.bytes.sent", "kind", "message");
        this.snapshotBytes = registry.counter("arena.engine.ws.bytes.sent", "kind", "snapshot");
    }

    @OnOpen
    @NonBlocking
    public void onOpen(WebSocketConnection connection) {
        ConnectionWriter writer = new ConnectionWriter(new SocketTransport(connection, messageBytes, snapshotBytes),
                VertxConnectionLoop.current(),
                new ConnectionWriter.Limits(config.outboundQueueMessages(), config.outboundQueueBytes()),
                skippedSnapshots::increment, () -> countClosed("slow_client"));
        String worldId = connection.pathParam("worldId");
        Optional<WorldHandle> world = worlds.find(worldId);
        if (world.isEmpty()) {
            refuseAbsent(worldId, writer);
            return;
        }
        Identity identity = authenticator.identify(connection.userData().get(HandshakeCheck.TOKEN_HASH));
        long now = System.nanoTime();
        ClientSession session = new ClientSession(connection.id(), worldId, identity,
                remoteHost(connection.handshakeRequest().remoteAddress()),
                new RateLimiter(config.messagesPerSecond(), config.messageBurst(), now),
                new RateLimiter(config.breachesPerSecond(), config.breachBurst(), now), writer);
        Optional<ConnectionQuota.Limit> refused = sessions.admit(session);
        if (refused.isPresent()) {
            ConnectionQuota.Limit limit = refused.get();
            registry.counter("arena.engine.ws.connections.refused", "limit", limit.name().toLowerCase()).increment();
            session.send(new ServerMessages.Error(null, ErrorCode.TOO_MANY_CONNECTIONS,
                    "at most " + sessions.limit(limit) + " " + limit.description(), List.of()));
            session.close(CloseCodes.POLICY_VIOLATION, "too many " + limit.description());
            return;
        }
        session.send(new ServerMessages.Welcome(connection.id(), ServerMessages.UserInfo.of(identity),
                world.get().info(), resumption.issue(session), directory.engineUrls()));
        feeds.join(world.get(), session);
    }

    /**
     * A world that does not run here: sent where it runs (world_moved, close 4302), told to retry when it is on its
     * way here or its engine is changing (UNAVAILABLE, close 1013), or NOT_FOUND.
     */
    private void refuseAbsent(String worldId, ConnectionWriter writer) {
        Optional<WorldListing> listing = directory.listing(worldId);
        if (listing.isPresent() && !listing.get().engineId().equals(engine.id())) {
            writer.send(Json.write(new ServerMessages.WorldMoved(worldId, listing.get().engineUrl())));
            writer.close(CloseCodes.WORLD_MOVED, "world runs elsewhere");
        } else if (listing.isPresent() || ownership.arriving(worldId)) {
            writer.send(Json.write(new ServerMessages.Error(null, ErrorCode.UNAVAILABLE, "world " + worldId
                    + " is moving to this engine; try again in a moment", List.of())));
            writer.close(CloseCodes.TRY_AGAIN_LATER, "world moving");
        } else {
            writer.send(Json.write(new ServerMessages.Error(null, ErrorCode.NOT_FOUND, "no world " + worldId, List.of())));
            writer.close(CloseReason.NORMAL.getCode(), "no such world");
        }
    }

    @OnTextMessage
    @NonBlocking
    public void onText(String frame, WebSocketConnection connection) {
        Optional<ClientSession> session = sessions.find(connection.id());
        if (session.isEmpty()) {
            return;
        }
        ClientSession client = session.get();
        long now = System.nanoTime();
        if (!client.allowMessage(now)) {
            refuseEarly(client, frame, now, "rate_limited", ErrorCode.RATE_LIMITED,
                    "more than " + config.messagesPerSecond() + " messages per second; slow down");
            return;
        }
        if (exceedsBytes(frame, config.maxFrameBytes())) {
            refuseEarly(client, frame, now, "too_large", ErrorCode.FRAME_TOO_LARGE,
                    "frames are limited to " + config.maxFrameBytes() + " bytes");
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

    /**
     * A connection failed under us. A peer that vanished (reset, broken pipe) or broke the framing is normal
     * traffic: counted and logged at debug. Anything else is unexpected.
     */
    @OnError
    @NonBlocking
    public void onError(Throwable failure, WebSocketConnection connection) {
        String reason = failure instanceof IOException ? "reset"
                : failure instanceof CorruptedFrameException ? "protocol_error" : "other";
        registry.counter("arena.engine.ws.disconnects", "reason", reason).increment();
        if ("other".equals(reason)) {
            LOG.warnf(failure, "connection %s failed", connection.id());
        } else {
            LOG.debugf("connection %s: %s (%s)", connection.id(), reason, failure.getMessage());
        }
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        sessions.remove(connection.id()).ifPresent(session -> {
            resumption.detach(session);
            feeds.leave(session);
        });
        LOG.debugf("connection %s closed", connection.id());
    }

    /**
     * Answers a frame refused before parsing, with its requestId when a scan of its top level finds one; a
     * client that keeps breaching limits is closed with 1008.
     */
    private void refuseEarly(ClientSession client, String frame, long now, String outcome, ErrorCode code,
                             String message) {
        registry.counter("arena.engine.ws.messages", "type", "any", "outcome", outcome).increment();
        client.send(new ServerMessages.Error(RequestIds.scan(frame), code, message, List.of()));
        if (!client.tolerateBreach(now)) {
            countClosed("abuse");
            client.close(CloseCodes.POLICY_VIOLATION, "sustained abuse: too many refused messages");
        }
    }

    private void countClosed(String reason) {
        registry.counter("arena.engine.ws.closed", "reason", reason).increment();
    }

    /** Whether {@code frame} is longer than {@code max} bytes in UTF-8, without encoding the common short frame. */
    private static boolean exceedsBytes(String frame, int max) {
        if (frame.length() > max) {
            return true;
        }
        return (long) frame.length() * 3 > max && frame.getBytes(StandardCharsets.UTF_8).length > max;
    }

    /** The host part of websockets-next's {@code host:port}, IPv6 included. */
    static String remoteHost(String address) {
        if (address == null) {
            return "unknown";
        }
        int colon = address.lastIndexOf(':');
        return colon > 0 ? address.substring(0, colon) : address;
    }
}
