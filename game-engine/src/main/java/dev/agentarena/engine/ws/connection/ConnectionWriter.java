package dev.agentarena.engine.ws.connection;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The one write path of one connection. Every write runs on the connection's {@link ConnectionLoop}, one whole
 * message at a time: the next write starts only once the previous one completed, so no frame can land inside
 * another message's fragments, and at most one message sits in the transport's buffer.
 * <p>
 * What waits is bounded: the latest snapshot only (a newer one replaces it), and a small queue of replies and
 * events, bounded in messages and bytes. A client whose queue overflows is closed with
 * {@link CloseCodes#TRY_AGAIN_LATER}; the queue never grows past its bounds. When both a snapshot and control
 * messages wait, they take turns, so neither starves the other. Any thread may offer; nothing here blocks.
 */
public final class ConnectionWriter {

    private static final Logger LOG = Logger.getLogger(ConnectionWriter.class);

    /** How long a graceful close waits for the replies queued before it to be written. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    /** The socket, as far as this class needs it. */
    public interface Transport {
        Uni<Void> sendText(String message);

        Uni<Void> sendBinary(Buffer frame);

        void close(int code, String reason);
    }

    /** Bounds of the reply and event queue; one message larger than {@code maxBytes} still fits an empty queue. */
    public record Limits(int maxMessages, long maxBytes) {
    }

    /** A close to do: at once, or after the replies already queued ({@code flushFirst}). */
    private record CloseRequest(int code, String reason, boolean flushFirst) {
    }

    /** The peer is gone: nothing more to write or to close. */
    private static final CloseRequest PEER_CLOSED = new CloseRequest(0, "", false);

    private final Transport transport;
    private final ConnectionLoop loop;
    private final Limits limits;
    private final Runnable onSnapshotSkipped;
    private final Runnable onOverflow;

    /** The newest snapshot not yet written; it encodes itself at the write, or answers null to be skipped. */
    private final AtomicReference<Supplier<Buffer>> latestSnapshot = new AtomicReference<>();
    private final AtomicBoolean drainPosted = new AtomicBoolean();

    // Offered from any thread, taken on the loop: guarded by this.
    private final ArrayDeque<String> control = new ArrayDeque<>();
    private long controlBytes;
    private volatile CloseRequest closeRequest;

    // Confined to the loop.
    private boolean writing;
    /**
     * Starts true so that, when a reply and a snapshot both wait at the first write, the reply goes first: a
     * connection's first message is its {@code welcome}, queued before its first keyframe is offered.
     */
    private boolean snapshotWentLast = true;
    private boolean closed;

    public ConnectionWriter(Transport transport, ConnectionLoop loop, Limits limits, Runnable onSnapshotSkipped,
                            Runnable onOverflow) {
        this.transport = transport;
        this.loop = loop;
        this.limits = limits;
        this.onSnapshotSkipped = onSnapshotSkipped;
        this.onOverflow = onOverflow;
    }

    /** Queues a reply or event (a text frame); never dropped while the connection lives. */
    public void send(String message) {
        boolean overflowed = false;
        synchronized (this) {
            if (closeRequest != null) {
                return;
            }
            long size = message.length();
            if (control.size() >= limits.maxMessages() || !control.isEmpty() && controlBytes + size > limits.maxBytes()) {
                control.clear();
                controlBytes = 0;
                closeRequest = new CloseRequest(CloseCodes.TRY_AGAIN_LATER,
                        "too slow: more than " + limits.maxMessages() + " replies or " + limits.maxBytes()
                                + " bytes waiting", false);
                overflowed = true;
            } else {
                control.add(message);
                controlBytes += size;
            }
        }
        if (overflowed) {
            latestSnapshot.set(null);
            onOverflow.run();
        }
        post();
    }

    /**
     * Offers a binary snapshot, latest only: {@code frame} is called on the loop right before the write, and
     * the bytes it returns are written as they are; it may return null to skip.
     */
    public void offerSnapshot(Supplier<Buffer> frame) {
        if (closeRequest != null) {
            return;
        }
        if (latestSnapshot.getAndSet(frame) != null) {
            onSnapshotSkipped.run();
        }
        post();
    }

    /**
     * Closes after the replies already queued are written (at most {@link #CLOSE_GRACE} later); what is offered
     * from now on is dropped.
     */
    public void close(int code, String reason) {
        synchronized (this) {
            if (closeRequest != null) {
                return;
            }
            closeRequest = new CloseRequest(code, reason, true);
        }
        latestSnapshot.set(null);
        loop.schedule(CLOSE_GRACE, () -> closeNow(closeRequest));
        post();
    }

    /** The peer closed: drops whatever waits. */
    public void discard() {
        synchronized (this) {
            control.clear();
            controlBytes = 0;
            closeRequest = PEER_CLOSED;
        }
        latestSnapshot.set(null);
        post();
    }

    private void post() {
        if (drainPosted.compareAndSet(false, true)) {
            loop.execute(this::drain);
        }
    }

    private void drain() {
        drainPosted.set(false);
        CloseRequest close = closeRequest;
        if (close != null && !close.flushFirst()) {
            // Safe even with a write in flight: that message's fragments are all in the transport's buffer
            // already (written on this loop), so the close frame goes after them.
            closeNow(close);
            return;
        }
        while (!writing && !closed) {
            Uni<Void> write = next();
            if (write == null) {
                return;
            }
            writing = true;
            write.subscribe().with(done -> written(), failure -> {
                LOG.debugf("a write failed: %s", failure.getMessage());
                written();
            });
        }
    }

    private void written() {
        loop.execute(() -> {
            writing = false;
            drain();
        });
    }

    /** The next write (control and snapshot taking turns), or null when nothing waits. */
    private Uni<Void> next() {
        while (true) {
            String message;
            synchronized (this) {
                CloseRequest close = closeRequest;
                if (close != null && control.isEmpty()) {
                    closeNow(close);
                    return null;
                }
                boolean snapshotTurn = close == null && latestSnapshot.get() != null
                        && (control.isEmpty() || !snapshotWentLast);
                message = snapshotTurn ? null : control.poll();
                if (message == null && !snapshotTurn) {
                    return null;
                }
                if (message != null) {
                    controlBytes -= message.length();
                }
            }
            if (message != null) {
                snapshotWentLast = false;
                return transport.sendText(message);
            }
            Uni<Void> write = writeSnapshot(latestSnapshot.getAndSet(null));
            if (write != null) {
                snapshotWentLast = true;
                return write;
            }
        }
    }

    private Uni<Void> writeSnapshot(Supplier<Buffer> snapshot) {
        if (snapshot == null) {
            return null;
        }
        try {
            Buffer bytes = snapshot.get();
            return bytes == null ? null : transport.sendBinary(bytes);
        } catch (RuntimeException e) {
            LOG.errorf(e, "encoding a snapshot failed; this client skips it");
            return null;
        }
    }

    private void closeNow(CloseRequest close) {
        if (closed) {
            return;
        }
        closed = true;
        if (close != PEER_CLOSED) {
            transport.close(close.code(), close.reason());
        }
    }
}
