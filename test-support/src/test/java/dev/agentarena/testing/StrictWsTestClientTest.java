package dev.agentarena.testing;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The strict client really refuses what the engine once sent (a text frame inside another message's fragments),
 * against a hand-written server that writes exactly the frames it is told to.
 */
class StrictWsTestClientTest {

    private static final Pattern KEY = Pattern.compile("Sec-WebSocket-Key: *(\\S+)", Pattern.CASE_INSENSITIVE);
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void aFragmentedMessageWhoseContinuationComesWholeIsDelivered() throws Exception {
        int port = serve(frame(0x01, "{\"type\":"), frame(0x80, "\"whole\"}"));
        try (StrictWsTestClient client = StrictWsTestClient.connect("ws://localhost:" + port + "/")) {
            assertThat(client.awaitType("whole", Duration.ofSeconds(5))).isNotNull();
            assertThat(client.failures()).isEmpty();
        }
    }

    @Test
    void aTextFrameInsideAnotherMessagesFragmentsFailsTheConnection() throws Exception {
        int port = serve(frame(0x01, "{\"type\":"), frame(0x81, "{\"type\":\"intruder\"}"), frame(0x80, "\"whole\"}"));
        try (StrictWsTestClient client = StrictWsTestClient.connect("ws://localhost:" + port + "/")) {
            client.awaitClose(Duration.ofSeconds(5));
            assertThat(client.failures()).first().asString().contains("non-continuation data frame");
            assertThat(client.history()).isEmpty();
        }
    }

    /** A server that completes the handshake and then writes {@code frames}, unmasked, as given. */
    private int serve(Buffer... frames) throws Exception {
        NetServer server = vertx.createNetServer().connectHandler(socket -> {
            Buffer request = Buffer.buffer();
            socket.handler(chunk -> {
                request.appendBuffer(chunk);
                String text = request.toString(StandardCharsets.ISO_8859_1);
                if (!text.contains("\r\n\r\n")) {
                    return;
                }
                socket.handler(ignored -> { });
                Matcher key = KEY.matcher(text);
                key.find();
                socket.write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: " + accept(key.group(1)) + "\r\n\r\n");
                for (Buffer frame : frames) {
                    socket.write(frame);
                }
            });
        });
        return server.listen(0).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS).actualPort();
    }

    private static Buffer frame(int firstByte, String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return Buffer.buffer().appendByte((byte) firstByte).appendByte((byte) bytes.length).appendBytes(bytes);
    }

    private static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
