package dev.agentarena.engine.ws;

import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.messages.UserRecord;
import dev.agentarena.engine.auth.Identity;
import dev.agentarena.engine.ws.connection.ConnectionWriter;
import io.vertx.core.buffer.Buffer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One connected client: who it is (a signed-in user, or a guest; a revoked token turns it into a guest), where from, which world it watches, its limits, and its one ordered write
 * path ({@link ConnectionWriter}): replies and events (never dropped while it keeps up) and snapshots (latest only).
 */
public final class ClientSession {

    private final String id;
    private final String worldId;
    private volatile Identity identity;
    private final String remoteHost;
    private final RateLimiter rateLimiter;
    private final RateLimiter breachBudget;
    private final ConnectionWriter writer;
    private volatile String resumeToken;
    /** Set once another connection resumed this session: what is sent here goes there; guarded by this. */
    private ClientSession successor;
    /** While detached (closed, not yet resumed): what was sent meanwhile, at most {@link #maxMissed}; guarded by this. */
    private List<Object> missed;
    private int maxMissed;

    ClientSession(String id, String worldId, Identity identity, String remoteHost, RateLimiter rateLimiter,
                  RateLimiter breachBudget, ConnectionWriter writer) {
        this.id = id;
        this.worldId = worldId;
        this.identity = identity;
        this.remoteHost = remoteHost;
        this.rateLimiter = rateLimiter;
        this.breachBudget = breachBudget;
        this.writer = writer;
    }

    public String id() {
        return id;
    }

    public String worldId() {
        return worldId;
    }

    public UserRecord user() {
        return identity.user();
    }

    public Identity identity() {
        return identity;
    }

    /** From now on the client acts as {@code guest} (its token was revoked); what it asks next is judged so. */
    synchronized void becomeGuest(Identity guest) {
        this.identity = guest;
    }

    /**
     * A newer record of the user this client is signed in as (a rename): it acts as that from now on. False when the
     * client is not signed in as that user, or already knows that version.
     */
    synchronized boolean userChanged(UserRecord user) {
        Identity current = identity;
        if (current.isGuest() || !current.user().id().equals(user.id()) || current.user().version() >= user.version()) {
            return false;
        }
        identity = new Identity(user, current.tokenHash());
        return true;
    }

    String remoteHost() {
        return remoteHost;
    }

    boolean allowMessage(long nowNanos) {
        return rateLimiter.tryAcquire(nowNanos);
    }

    /** Counts a limit breach; false once the client has broken limits for longer than it may. */
    boolean tolerateBreach(long nowNanos) {
        return breachBudget.tryAcquire(nowNanos);
    }

    /**
     * Sends a reply or event; these are few and must all arrive, so they are never dropped while the client keeps
     * up. After the connection closed they are kept for a resume (see {@link Resumption}), or go to the
     * connection that resumed this session.
     */
    public void send(Object message) {
        ClientSession next;
        synchronized (this) {
            next = successor;
            if (next == null && missed != null) {
                if (missed.size() < maxMissed) {
                    missed.add(message);
                }
                return;
            }
        }
        if (next != null) {
            next.send(message);
        } else {
            writer.send(Json.write(message));
        }
    }

    String resumeToken() {
        return resumeToken;
    }

    void resumeToken(String token) {
        this.resumeToken = token;
    }

    /** The connection closed: drops what waits to be written and keeps, from now on, up to {@code max} messages. */
    void detach(int max) {
        synchronized (this) {
            maxMissed = max;
            missed = new ArrayList<>();
        }
        writer.discard();
    }

    /** Another connection resumed this session: returns what was kept, and sends everything later to it. */
    List<Object> handOver(ClientSession next) {
        synchronized (this) {
            List<Object> kept = missed == null ? List.of() : missed;
            missed = null;
            successor = next;
            return kept;
        }
    }

    /**
     * Offers a binary snapshot, latest only: {@code frame} is called on this connection's event loop right
     * before the write (it may return null to skip), and its bytes are written as a binary frame.
     */
    public void offerSnapshot(Supplier<Buffer> frame) {
        writer.offerSnapshot(frame);
    }

    /** Closes after the replies already queued (an error explaining why, typically). */
    void close(int code, String reason) {
        writer.close(code, reason);
    }

}
