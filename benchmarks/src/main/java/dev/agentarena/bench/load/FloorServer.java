package dev.agentarena.bench.load;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The floor the engine's fan-out is measured against: a bare Vert.x server that broadcasts recorded snapshot
 * frames, in a loop, at the broadcast rate to every WebSocket client, latest-only (a client whose write queue is
 * full skips the frame), with as many event loops as the engine has. It simulates nothing and encodes nothing,
 * so its CPU is the cost of the sockets alone. Run as its own JVM so its CPU can be read from /proc:
 * {@code FloorServer <port> <frames file> <frames per second> <event loops>}; prints {@code LISTENING <port>}.
 */
public final class FloorServer extends AbstractVerticle {

    private final int port;
    private final List<Buffer> frames;
    private final long periodMillis;
    private final Set<ServerWebSocket> clients = new HashSet<>();
    private int next;

    private FloorServer(int port, List<Buffer> frames, long periodMillis) {
        this.port = port;
        this.frames = frames;
        this.periodMillis = periodMillis;
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        List<Buffer> frames = read(Path.of(args[1]));
        long period = 1000 / Integer.parseInt(args[2]);
        int loops = Integer.parseInt(args[3]);
        Vertx vertx = Vertx.vertx();
        vertx.deployVerticle(() -> new FloorServer(port, frames, period), new DeploymentOptions().setInstances(loops))
                .toCompletionStage().toCompletableFuture().get();
        System.out.println("LISTENING " + port);
        System.out.flush();
    }

    @Override
    public void start(io.vertx.core.Promise<Void> started) {
        vertx.createHttpServer(new HttpServerOptions().setPort(port).setHost("127.0.0.1")
                        .setMaxWebSocketFrameSize(16 * 1024 * 1024).setMaxWebSocketMessageSize(64 * 1024 * 1024))
                .webSocketHandler(socket -> {
                    clients.add(socket);
                    socket.closeHandler(nothing -> clients.remove(socket));
                    socket.exceptionHandler(failure -> clients.remove(socket));
                })
                .listen().<Void>mapEmpty().onComplete(started);
        vertx.setPeriodic(periodMillis, timer -> broadcast());
    }

    private void broadcast() {
        Buffer frame = frames.get(next);
        next = (next + 1) % frames.size();
        for (ServerWebSocket client : clients) {
            if (!client.writeQueueFull()) {
                client.writeBinaryMessage(frame);
            }
        }
    }

    /** Frames as the load tool wrote them: each a 4-byte length, then its bytes. */
    private static List<Buffer> read(Path file) throws IOException {
        List<Buffer> frames = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            while (true) {
                int length;
                try {
                    length = in.readInt();
                } catch (EOFException end) {
                    break;
                }
                frames.add(Buffer.buffer(in.readNBytes(length)));
            }
        }
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("no frames in " + file);
        }
        return frames;
    }
}
