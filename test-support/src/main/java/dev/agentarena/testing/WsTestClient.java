package dev.agentarena.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real WebSocket client for tests: sends text frames and waits for the JSON messages it is told to expect.
 * Built on the JDK's client, so it needs nothing but the JDK; {@link StrictWsTestClient} checks framing strictly.
 * Binary snapshot frames are decoded with a {@link SnapshotDecoder} of this connection and arrive as
 * {@code {"type":"state", "frame": "keyframe"|"delta", "bytes": n, "world": {...}}}; a frame it cannot decode
 * arrives as {@code {"type":"undecodable_frame", "error": ...}}.
 */
public final class WsTestClient extends ReceivingClient implements AutoCloseable {

    private final WebSocket socket;
    private final SnapshotDecoder decoder = new SnapshotDecoder();
    private final AtomicLong binaryFrames = new AtomicLong();
    private final AtomicLong binaryBytes = new AtomicLong();
    private volatile boolean closed;
    private volatile boolean snapshotsCountedOnly;

    private WsTestClient(URI uri, Map<String, String> headers) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        headers.forEach(builder::header);
        socket = builder.buildAsync(uri, new Listener()).join();
    }

    public static WsTestClient connect(String uri) {
        return new WsTestClient(URI.create(uri), Map.of());
    }

    /**
     * Connects with these handshake headers, e.g. {@code Authorization} or {@code Cookie} to sign in, or
     * {@code Origin}. A refused handshake throws (a {@link java.net.http.WebSocketHandshakeException} as its cause).
     */
    public static WsTestClient connect(String uri, Map<String, String> headers) {
        return new WsTestClient(URI.create(uri), headers);
    }

    public void send(String frame) {
        socket.sendText(frame, true).join();
    }

    /**
     * From now on snapshot frames are only counted ({@link #binaryFrames()}, {@link #binaryBytes()}), neither decoded
     * nor kept: for a benchmark's client that watches a world for a long time but awaits only replies, whose decoding
     * and kept states would otherwise take the measured services' CPU and fill its own heap.
     */
    public void countSnapshotsOnly() {
        snapshotsCountedOnly = true;
    }

    /** Binary (snapshot) frames received so far. */
    public long binaryFrames() {
        return binaryFrames.get();
    }

    /** Bytes of binary frames received so far. */
    public long binaryBytes() {
        return binaryBytes.get();
    }

    public boolean isOpen() {
        return !closed && !socket.isOutputClosed() && !socket.isInputClosed();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private ByteBuffer binary = ByteBuffer.allocate(1 << 16);

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                inbox.receivedText(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            if (snapshotsCountedOnly) {
                binaryBytes.addAndGet(data.remaining());
                binaryFrames.addAndGet(last ? 1 : 0);
                webSocket.request(1);
                return null;
            }
            if (binary.remaining() < data.remaining()) {
                ByteBuffer larger = ByteBuffer.allocate(Math.max(binary.capacity() * 2, binary.position() + data.remaining()));
                binary.flip();
                larger.put(binary);
                binary = larger;
            }
            binary.put(data);
            if (last) {
                byte[] frame = new byte[binary.position()];
                binary.flip();
                binary.get(frame);
                binary.clear();
                binaryFrames.incrementAndGet();
                binaryBytes.addAndGet(frame.length);
                try {
                    decoder.decode(frame);
                    inbox.received(decoder.toStateMessage());
                } catch (RuntimeException e) {
                    inbox.received(MessageInbox.JSON.createObjectNode().put("type", "undecodable_frame").put("error", e.toString()));
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed = true;
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed = true;
        }
    }
}
