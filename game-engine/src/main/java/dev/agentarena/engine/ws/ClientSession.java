package dev.agentarena.engine.ws;

import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.messages.UserRecord;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;

import java.util.function.Supplier;

/**
 * One connected client: who it is, which world it watches, its rate limit, and its two outbound paths —
 * replies and events (never dropped) and snapshot frames (latest only).
 */
public final class ClientSession {

    private final WebSocketConnection connection;
    private final String worldId;
    private final UserRecord user;
    private final RateLimiter rateLimiter;
    private final LatestOnlySender<Supplier<Buffer>> snapshotSender;

    ClientSession(WebSocketConnection connection, String worldId, UserRecord user, RateLimiter rateLimiter,
                  Runnable onStateDropped) {
        this.connection = connection;
        this.worldId = worldId;
        this.user = user;
        this.rateLimiter = rateLimiter;
        this.snapshotSender = new LatestOnlySender<>(this::write, onStateDropped);
    }

    public String id() {
        return connection.id();
    }

    public String worldId() {
        return worldId;
    }

    public UserRecord user() {
        return user;
    }

    boolean allowMessage(long nowNanos) {
        return rateLimiter.tryAcquire(nowNanos);
    }

    /** Sends a reply or event; these are few and must all arrive, so they are never dropped. */
    public void send(Object message) {
        if (connection.isOpen()) {
            connection.sendText(Json.write(message)).subscribe().with(done -> { }, failure -> { });
        }
    }

    /**
     * Offers a snapshot frame, latest only: a newer offer replaces one still waiting. {@code frame} is called right
     * before the write (it may return null: nothing to send).
     */
    public void offerSnapshot(Supplier<Buffer> frame) {
        if (connection.isOpen()) {
            snapshotSender.offer(frame);
        }
    }

    private Uni<Void> write(Supplier<Buffer> frame) {
        Buffer bytes = frame.get();
        return bytes == null ? Uni.createFrom().voidItem() : connection.sendBinary(bytes);
    }
}
