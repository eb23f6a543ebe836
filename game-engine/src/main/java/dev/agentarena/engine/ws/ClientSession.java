package dev.agentarena.engine.ws;

import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.messages.UserRecord;
import io.quarkus.websockets.next.WebSocketConnection;

/**
 * One connected client: who it is, which world it watches, its rate limit, and its two outbound paths —
 * replies and events (never dropped) and state frames (latest only).
 */
public final class ClientSession {

    private final WebSocketConnection connection;
    private final String worldId;
    private final UserRecord user;
    private final RateLimiter rateLimiter;
    private final LatestOnlySender<String> stateSender;

    ClientSession(WebSocketConnection connection, String worldId, UserRecord user, RateLimiter rateLimiter,
                  Runnable onStateDropped) {
        this.connection = connection;
        this.worldId = worldId;
        this.user = user;
        this.rateLimiter = rateLimiter;
        this.stateSender = new LatestOnlySender<>(connection::sendText, onStateDropped);
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

    /** Offers an already serialized state frame; a slow client skips to the newest. */
    void offerState(String frame) {
        if (connection.isOpen()) {
            stateSender.offer(frame);
        }
    }
}
