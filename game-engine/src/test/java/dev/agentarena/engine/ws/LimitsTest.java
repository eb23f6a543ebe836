package dev.agentarena.engine.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.engine.config.EngineConfig;
import dev.agentarena.engine.ws.connection.CloseCodes;
import dev.agentarena.testing.KafkaTestResource;
import dev.agentarena.testing.StrictWsTestClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The limits of docs/protocol.md: each breach a typed error naming the request, sustained abuse closed with 1008. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class LimitsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/ws/worlds/default")
    URI defaultWorld;

    @Inject
    SessionRegistry sessions;

    @Inject
    MeterRegistry meters;

    @Inject
    EngineConfig config;

    @Test
    void oneAddressHoldsAtMostItsLimitOfConnections() {
        awaitUntil(() -> sessions.all().size() == 0, "the connections of earlier tests are still open: " + sessions.all().size());
        List<StrictWsTestClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < config.maxConnectionsPerAddress(); i++) {
                clients.add(welcomed(StrictWsTestClient.connect(ws())));
            }
            StrictWsTestClient refused = StrictWsTestClient.connect(ws());
            clients.add(refused);
            JsonNode error = refused.awaitType("error", WAIT);
            assertThat(error.path("code").asText()).isEqualTo("TOO_MANY_CONNECTIONS");
            assertThat(error.path("message").asText()).contains("per address");
            assertThat(refused.awaitClose(WAIT)).isEqualTo(CloseCodes.POLICY_VIOLATION);
            assertThat(refused.history()).noneMatch(m -> "welcome".equals(m.path("type").asText()));

            clients.remove(0).close();
            awaitUntil(() -> sessions.all().size() < config.maxConnectionsPerAddress(), "a closed connection kept its place");
            clients.add(welcomed(StrictWsTestClient.connect(ws())));
        } finally {
            clients.forEach(StrictWsTestClient::close);
        }
    }

    @Test
    void refusalsBeforeParsingNameTheRequestTheyRefuse() {
        try (StrictWsTestClient client = welcomed(StrictWsTestClient.connect(ws()))) {
            client.send("{\"type\":\"save_config\",\"requestId\":\"big-1\",\"config\":{\"name\":\"" + "x".repeat(70_000) + "\"}}");
            JsonNode tooLarge = client.awaitType("error", WAIT);
            assertThat(tooLarge.path("code").asText()).isEqualTo("FRAME_TOO_LARGE");
            assertThat(tooLarge.path("requestId").asText()).isEqualTo("big-1");

            client.send("{\"requestId\":\"bad-1\",\"type\":\"list_configs\",");
            JsonNode badJson = client.awaitType("error", WAIT);
            assertThat(badJson.path("code").asText()).isEqualTo("BAD_JSON");
            assertThat(badJson.path("requestId").asText()).isEqualTo("bad-1");

            client.send("{\"config\":{\"requestId\":\"nested\"},\"requestId\":" + "[".repeat(5_000));
            JsonNode deep = client.awaitType("error", WAIT);
            assertThat(deep.path("code").asText()).isEqualTo("BAD_JSON");
            assertThat(deep.path("requestId").isNull()).isTrue();
            assertThat(client.isOpen()).isTrue();
        }
    }

    @Test
    void aClientThatKeepsFloodingGetsRateLimitedWithItsRequestIdsThenIsClosedWith1008() {
        double closedBefore = count("arena.engine.ws.closed", "reason", "abuse");
        try (StrictWsTestClient flooder = welcomed(StrictWsTestClient.connect(ws()));
             StrictWsTestClient bystander = welcomed(StrictWsTestClient.connect(ws()))) {
            for (int i = 0; i < 1_000 && flooder.isOpen(); i++) {
                try {
                    flooder.send("{\"type\":\"list_worlds\",\"requestId\":\"f" + i + "\"}");
                } catch (IllegalStateException closedMeanwhile) {
                    break;
                }
            }
            assertThat(flooder.awaitClose(WAIT)).isEqualTo(CloseCodes.POLICY_VIOLATION);
            assertThat(flooder.closeReason()).contains("abuse");
            List<JsonNode> limited = flooder.history().stream()
                    .filter(m -> "RATE_LIMITED".equals(m.path("code").asText())).toList();
            assertThat(limited).hasSizeGreaterThanOrEqualTo(config.breachBurst())
                    .allMatch(m -> m.path("requestId").asText().matches("f\\d+"));
            assertThat(count("arena.engine.ws.closed", "reason", "abuse")).isGreaterThan(closedBefore);

            bystander.send("{\"type\":\"list_worlds\",\"requestId\":\"b1\"}");
            assertThat(bystander.awaitType("world_list", WAIT).path("requestId").asText()).isEqualTo("b1");
        }
    }

    @Test
    void anAbruptDisconnectIsCountedAndLogsNoError() throws Exception {
        double before = count("arena.engine.ws.disconnects", "reason", "reset");
        try (ErrorLogCapture log = ErrorLogCapture.install()) {
            int open = sessions.all().size();
            resetAfterHandshake();
            awaitUntil(() -> count("arena.engine.ws.disconnects", "reason", "reset") > before,
                    "no reset counted");
            awaitUntil(() -> sessions.all().size() <= open, "the reset connection's session is still registered");
            assertThat(log.errors()).isEmpty();
        }
    }

    /** Opens a WebSocket by hand, lets the engine stream to it, then aborts the TCP connection (RST). */
    private void resetAfterHandshake() throws Exception {
        try (Socket socket = new Socket(defaultWorld.getHost(), defaultWorld.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + defaultWorld.getPath() + " HTTP/1.1\r\nHost: " + defaultWorld.getHost() + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] received = in.readNBytes(200);
            assertThat(new String(received, StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 101");
            Thread.sleep(500);
            socket.setSoLinger(true, 0);
        }
    }

    private double count(String name, String tag, String value) {
        var counter = meters.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    private static StrictWsTestClient welcomed(StrictWsTestClient client) {
        client.awaitType("welcome", WAIT);
        return client;
    }

    private static void awaitUntil(BooleanSupplier condition, String failure) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    private String ws() {
        return defaultWorld.toString().replaceFirst("^http", "ws");
    }
}
