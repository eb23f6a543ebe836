package dev.agentarena.testing;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What the client keeps of binary frames, decoding them or only counting them. */
class WsTestClientTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    /** Not a snapshot: a decoding client records it as undecodable, a counting one never looks inside. */
    private static final byte[] FRAME = {1, 2, 3, 4, 5, 6, 7};

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void aClientThatOnlyCountsSnapshotsKeepsNoneOfThemButCountsEach() throws Exception {
        int port = serveTwoBinaryFramesOnMessage();
        try (WsTestClient client = WsTestClient.connect("ws://localhost:" + port + "/")) {
            client.countSnapshotsOnly();
            client.send("go");
            client.awaitType("done", WAIT);
            assertThat(client.binaryFrames()).isEqualTo(2);
            assertThat(client.binaryBytes()).isEqualTo(2L * FRAME.length);
            assertThat(client.history()).extracting(m -> m.path("type").asText()).containsExactly("done");
        }
    }

    @Test
    void aClientThatDecodesRecordsEveryBinaryFrame() throws Exception {
        int port = serveTwoBinaryFramesOnMessage();
        try (WsTestClient client = WsTestClient.connect("ws://localhost:" + port + "/")) {
            client.send("go");
            client.awaitType("done", WAIT);
            assertThat(client.binaryFrames()).isEqualTo(2);
            assertThat(client.history()).extracting(m -> m.path("type").asText())
                    .containsExactly("undecodable_frame", "undecodable_frame", "done");
        }
    }

    /** A WebSocket server that answers any text with two binary frames and then {@code {"type":"done"}}. */
    private int serveTwoBinaryFramesOnMessage() throws Exception {
        return vertx.createHttpServer().webSocketHandler(socket -> socket.textMessageHandler(text -> {
            socket.writeBinaryMessage(Buffer.buffer(FRAME));
            socket.writeBinaryMessage(Buffer.buffer(FRAME));
            socket.writeTextMessage("{\"type\":\"done\"}");
        })).listen(0).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS).actualPort();
    }
}
