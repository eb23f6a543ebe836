package dev.agentarena.testing;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A WebSocket client for tests that checks framing strictly: it runs on Vert.x (Netty's decoder), which fails
 * the connection on a frame that breaks the protocol, e.g. a text frame inside another message's fragments
 * ({@link #failures()}, close code 1002). Besides JSON text messages it keeps binary frames, counts snapshots
 * (binary frames and {@code state} messages alike), can stop reading ({@link #pause()}) and reports how the
 * server closed it.
 */
public final class StrictWsTestClient extends ReceivingClient implements AutoCloseable {

    /** Large enough for any reply a test provokes; the server's own limits are what is under test. */
    private static final int MAX_MESSAGE_BYTES = 64 << 20;

    private static final class Shared {
        static final Vertx VERTX = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    }

    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final List<byte[]> binaryFrames = new ArrayList<>();
    private final SnapshotDecoder decoder = new SnapshotDecoder();
    private final AtomicLong snapshots = new AtomicLong();
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private final WebSocketClient client;
    private final WebSocket socket;
    private volatile Integer closeCode;
    private volatile String closeReason;

    private StrictWsTestClient(String uri, WebSocketClientOptions options) {
        client = Shared.VERTX.createWebSocketClient(options.setMaxMessageSize(MAX_MESSAGE_BYTES).setConnectTimeout(5_000));
        try {
            socket = client.connect(new WebSocketConnectOptions().setAbsoluteURI(uri)).map(this::listen)
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            client.close();
            throw new IllegalStateException("could not connect to " + uri, e);
        }
    }

    public static StrictWsTestClient connect(String uri) {
        return new StrictWsTestClient(uri, new WebSocketClientOptions());
    }

    /**
     * Connects with the socket's receive buffer fixed at {@code bytes} (which also turns off the kernel's
     * autotuning), so that once {@link #pause() paused} it backs the server's writes up within a few messages.
     */
    public static StrictWsTestClient connectWithReceiveBuffer(String uri, int bytes) {
        return new StrictWsTestClient(uri, new WebSocketClientOptions().setReceiveBufferSize(bytes));
    }

    /** Installed on the socket's event loop as it opens, before any frame can arrive. */
    private WebSocket listen(WebSocket ws) {
        ws.textMessageHandler(text -> {
            if ("state".equals(inbox.receivedText(text).path("type").asText())) {
                snapshots.incrementAndGet();
            }
        });
        ws.binaryMessageHandler(frame -> {
            byte[] bytes = frame.getBytes();
            synchronized (binaryFrames) {
                binaryFrames.add(bytes);
            }
            snapshots.incrementAndGet();
            // Decoded like WsTestClient's: a snapshot arrives as a "state" message, a broken one as "undecodable_frame".
            try {
                decoder.decode(bytes);
                inbox.received(decoder.toStateMessage());
            } catch (RuntimeException e) {
                inbox.received(MessageInbox.JSON.createObjectNode().put("type", "undecodable_frame").put("error", e.toString()));
            }
        });
        ws.exceptionHandler(failures::add);
        ws.closeHandler(ignored -> {
            closeCode = ws.closeStatusCode() == null ? null : ws.closeStatusCode().intValue();
            closeReason = ws.closeReason();
            closedLatch.countDown();
        });
        return ws;
    }

    public void send(String frame) {
        await(socket.writeTextMessage(frame).toCompletionStage().toCompletableFuture());
    }

    public void sendBinary(byte[] frame) {
        await(socket.writeBinaryMessage(Buffer.buffer(frame)).toCompletionStage().toCompletableFuture());
    }

    /** Stops reading: once its buffers are full the server's writes to this client back up. */
    public void pause() {
        socket.pause();
    }

    public void resume() {
        socket.resume();
    }

    /** Forgets the messages and binary frames received so far; the snapshot count goes on. */
    public void forget() {
        inbox.clear();
        synchronized (binaryFrames) {
            binaryFrames.clear();
        }
    }

    public List<byte[]> binaryFrames() {
        synchronized (binaryFrames) {
            return List.copyOf(binaryFrames);
        }
    }

    /** Snapshots received so far: binary frames and {@code state} messages. */
    public long snapshotCount() {
        return snapshots.get();
    }

    /** What broke the connection: framing errors among them. Empty for a healthy connection. */
    public List<Throwable> failures() {
        return List.copyOf(failures);
    }

    /** The close code the connection ended with; fails if it is still open after {@code timeout}. */
    public int awaitClose(Duration timeout) {
        try {
            if (!closedLatch.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("still open after " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return closeCode == null ? -1 : closeCode;
    }

    public String closeReason() {
        return closeReason;
    }

    public boolean isOpen() {
        return closedLatch.getCount() > 0 && !socket.isClosed();
    }

    @Override
    public void close() {
        if (isOpen()) {
            try {
                socket.close((short) 1000, "bye").toCompletionStage().toCompletableFuture().get(2, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // Closing is best effort: the server may have closed first.
            }
        }
        client.close();
    }

    private static void await(java.util.concurrent.CompletableFuture<Void> write) {
        try {
            write.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("write failed", e);
        }
    }
}
