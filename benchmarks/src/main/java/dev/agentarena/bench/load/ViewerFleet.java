package dev.agentarena.bench.load;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * N real WebSocket viewers of one URL, each counting what it receives: snapshot frames (binary frames, or
 * JSON {@code state} messages of the older text stream), their bytes, the gap between two snapshots and,
 * where the frame says when the server made it, the latency. Counting starts at {@link #startMeasuring()}, so
 * connecting and the join keyframes stay out of the figures.
 */
final class ViewerFleet implements AutoCloseable {

    /** One viewer's counters; touched only on its connection's event loop until the fleet is closed. */
    private static final class Viewer {
        WebSocket socket;
        long snapshots;
        long snapshotBytes;
        long lastArrivalNanos;
        final Samples gapsMicros = new Samples();
        final Samples latencyMicros = new Samples();
        volatile boolean closedByPeer;
    }

    private final WebSocketClient client;
    private final List<Viewer> viewers = new ArrayList<>();
    private final AtomicInteger dropped = new AtomicInteger();
    private volatile boolean measuring;
    private volatile boolean closing;
    private long measureStartNanos;
    private long measureEndNanos;

    private ViewerFleet(Vertx vertx) {
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxFrameSize(16 * 1024 * 1024).setMaxMessageSize(64 * 1024 * 1024).setConnectTimeout(20_000)
                // Vert.x holds a client to 50 WebSockets per host unless told otherwise.
                .setMaxConnections(100_000));
    }

    /**
     * Connects {@code count} viewers to {@code path} on 127.0.0.1:{@code port}, in batches so the handshakes do not
     * all land at once; {@code recorder}, when given, sees every binary frame of the first viewer.
     */
    static ViewerFleet connect(Vertx vertx, int port, String path, int count, Consumer<Buffer> recorder)
            throws Exception {
        ViewerFleet fleet = new ViewerFleet(vertx);
        for (int first = 0; first < count; first += 50) {
            List<Future<WebSocket>> batch = new ArrayList<>();
            for (int i = first; i < Math.min(count, first + 50); i++) {
                batch.add(fleet.open(port, path, i == 0 ? recorder : null));
            }
            Future.all(batch).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        }
        return fleet;
    }

    private Future<WebSocket> open(int port, String path, Consumer<Buffer> recorder) {
        Viewer viewer = new Viewer();
        synchronized (viewers) {
            viewers.add(viewer);
        }
        return client.connect(port, "127.0.0.1", path).onSuccess(socket -> {
            viewer.socket = socket;
            socket.binaryMessageHandler(frame -> {
                if (recorder != null) {
                    recorder.accept(frame);
                }
                snapshot(viewer, frame.length(), SnapshotClock.serverMillis(frame));
            });
            socket.textMessageHandler(text -> {
                if (text.startsWith("{\"type\":\"state\"")) {
                    snapshot(viewer, text.length(), -1);
                }
            });
            socket.closeHandler(nothing -> {
                if (!closing) {
                    viewer.closedByPeer = true;
                    dropped.incrementAndGet();
                }
            });
        });
    }

    private void snapshot(Viewer viewer, int bytes, long serverMillis) {
        long now = System.nanoTime();
        if (!measuring) {
            viewer.lastArrivalNanos = now;
            return;
        }
        viewer.snapshots++;
        viewer.snapshotBytes += bytes;
        if (viewer.lastArrivalNanos != 0) {
            viewer.gapsMicros.add((now - viewer.lastArrivalNanos) / 1000);
        }
        viewer.lastArrivalNanos = now;
        if (serverMillis > 0) {
            viewer.latencyMicros.add(System.currentTimeMillis() * 1000 - serverMillis * 1000);
        }
    }

    void startMeasuring() {
        measureStartNanos = System.nanoTime();
        measuring = true;
    }

    /** Stops counting and sums the viewers up. */
    Result stopMeasuring() {
        measuring = false;
        measureEndNanos = System.nanoTime();
        Samples gaps = new Samples();
        Samples latency = new Samples();
        long snapshots = 0;
        long bytes = 0;
        synchronized (viewers) {
            for (Viewer viewer : viewers) {
                snapshots += viewer.snapshots;
                bytes += viewer.snapshotBytes;
                gaps.addAll(viewer.gapsMicros);
                latency.addAll(viewer.latencyMicros);
            }
        }
        double seconds = (measureEndNanos - measureStartNanos) / 1e9;
        return new Result(viewers.size(), seconds, snapshots, bytes, gaps, latency, dropped.get());
    }

    @Override
    public void close() {
        closing = true;
        synchronized (viewers) {
            for (Viewer viewer : viewers) {
                if (viewer.socket != null && !viewer.socket.isClosed()) {
                    viewer.socket.close();
                }
            }
        }
        client.close();
    }

    /** What the fleet received while measuring. */
    record Result(int viewers, double seconds, long snapshots, long bytes, Samples gapsMicros,
                  Samples latencyMicros, int dropped) {

        double snapshotsPerSecondPerViewer() {
            return snapshots / seconds / viewers;
        }

        double bytesPerSecondPerViewer() {
            return bytes / seconds / viewers;
        }

        double bytesPerSnapshot() {
            return snapshots == 0 ? Double.NaN : (double) bytes / snapshots;
        }
    }
}
