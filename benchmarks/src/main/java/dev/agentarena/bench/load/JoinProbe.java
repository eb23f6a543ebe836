package dev.agentarena.bench.load;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** What a join costs: the bytes a new viewer receives up to and including its first snapshot frame. */
final class JoinProbe {

    private JoinProbe() {
    }

    static long bytes(Vertx vertx, int port, String path) throws Exception {
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxFrameSize(16 * 1024 * 1024).setMaxMessageSize(64 * 1024 * 1024));
        AtomicLong bytes = new AtomicLong();
        Promise<Long> joined = Promise.promise();
        client.connect(port, "127.0.0.1", path).onFailure(joined::tryFail).onSuccess(socket -> {
            socket.textMessageHandler(text -> {
                long total = bytes.addAndGet(text.getBytes(StandardCharsets.UTF_8).length);
                if (text.startsWith("{\"type\":\"state\"")) {
                    // The older JSON stream: its first state is the first snapshot.
                    joined.tryComplete(total);
                    socket.close();
                }
            });
            socket.binaryMessageHandler(frame -> {
                joined.tryComplete(bytes.addAndGet(frame.length()));
                socket.close();
            });
        });
        try {
            return joined.future().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } finally {
            client.close();
        }
    }
}
