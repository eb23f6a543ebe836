package dev.agentarena.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A real WebSocket client for tests: sends text frames and waits for the JSON messages it is told to expect.
 * Binary snapshot frames are decoded with a {@link SnapshotDecoder} of this connection and arrive as
 * {@code {"type":"state", "frame": "keyframe"|"delta", "bytes": n, "world": {...}}}; a frame it cannot decode
 * arrives as {@code {"type":"undecodable_frame", "error": ...}}.
 */
public final class WsTestClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final List<JsonNode> history = new ArrayList<>();
    private final WebSocket socket;
    private final SnapshotDecoder decoder = new SnapshotDecoder();
    private final AtomicLong binaryFrames = new AtomicLong();
    private final AtomicLong binaryBytes = new AtomicLong();
    private volatile boolean closed;

    private WsTestClient(URI uri) {
        socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, new Listener()).join();
    }

    public static WsTestClient connect(String uri) {
        return new WsTestClient(URI.create(uri));
    }

    public void send(String frame) {
        socket.sendText(frame, true).join();
    }

    /** The next message matching {@code match}; messages skipped on the way stay in {@link #history()}. */
    public JsonNode await(Predicate<JsonNode> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                JsonNode next = left > 0 ? inbox.poll(left, TimeUnit.NANOSECONDS) : null;
                if (next == null) {
                    throw new AssertionError("no matching message within " + timeout + "; last received: "
                            + lastNonState());
                }
                if (match.test(next)) {
                    return next;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public JsonNode awaitType(String type, Duration timeout) {
        return await(message -> type.equals(message.path("type").asText()), timeout);
    }

    /** Binary (snapshot) frames received so far. */
    public long binaryFrames() {
        return binaryFrames.get();
    }

    /** Bytes of binary frames received so far. */
    public long binaryBytes() {
        return binaryBytes.get();
    }

    /** Every message received so far, in order. */
    public synchronized List<JsonNode> history() {
        return List.copyOf(history);
    }

    public boolean isOpen() {
        return !closed && !socket.isOutputClosed() && !socket.isInputClosed();
    }

    private synchronized String lastNonState() {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (!"state".equals(history.get(i).path("type").asText())) {
                return history.get(i).toString();
            }
        }
        return "(nothing but state)";
    }

    private synchronized void received(JsonNode message) {
        history.add(message);
        inbox.add(message);
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
                try {
                    received(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    received(JSON.createObjectNode().put("type", "unparseable").put("raw", partial.toString()));
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
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
                    received(decoder.toStateMessage());
                } catch (RuntimeException e) {
                    received(JSON.createObjectNode().put("type", "undecodable_frame").put("error", e.toString()));
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
