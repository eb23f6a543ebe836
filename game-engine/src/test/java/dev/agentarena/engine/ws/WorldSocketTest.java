package dev.agentarena.engine.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.kafka.Topics;
import dev.agentarena.contracts.messages.CommandType;
import dev.agentarena.contracts.messages.ConfigRecord;
import dev.agentarena.contracts.messages.PersistenceCommand;
import dev.agentarena.contracts.messages.PersistenceResult;
import dev.agentarena.contracts.messages.SaveConfigPayload;
import dev.agentarena.testing.KafkaTestClient;
import dev.agentarena.testing.KafkaTestResource;
import dev.agentarena.testing.WsTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** The engine's WebSocket protocol against a real Kafka broker; this test plays the persistence service. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class WorldSocketTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TestHTTPResource("/ws/worlds/default")
    URI world;

    private KafkaTestClient kafka;
    private WsTestClient alice;
    private WsTestClient bob;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(Topics.PERSISTENCE_COMMANDS);
        alice = WsTestClient.connect(ws(world));
        bob = WsTestClient.connect(ws(world));
        alice.awaitType("welcome", WAIT);
        bob.awaitType("welcome", WAIT);
    }

    @AfterEach
    void disconnect() {
        alice.close();
        bob.close();
        kafka.close();
    }

    @Test
    void welcomeNamesTheProtocolUserAndWorldThenStateFlows() {
        JsonNode welcome = alice.history().get(0);
        assertThat(welcome.path("protocolVersion").asInt()).isEqualTo(1);
        assertThat(welcome.path("user").path("username").asText()).isEqualTo("default_user");
        assertThat(welcome.path("world").path("id").asText()).isEqualTo("default");
        JsonNode first = alice.awaitType("state", WAIT);
        JsonNode later = alice.await(m -> "state".equals(m.path("type").asText())
                && m.path("world").path("tick").asLong() > first.path("world").path("tick").asLong(), WAIT);
        assertThat(later.path("world").path("agents").size()).isEqualTo(10);
        assertThat(later.path("world").path("width").asDouble()).isEqualTo(800);
    }

    @Test
    void badInputGetsATypedErrorToThatClientOnlyAndTheConnectionLives() {
        alice.send("{not json");
        assertThat(alice.awaitType("error", WAIT).path("code").asText()).isEqualTo("BAD_JSON");
        alice.send("{\"type\":\"teleport\",\"requestId\":\"t1\"}");
        JsonNode unknown = alice.awaitType("error", WAIT);
        assertThat(unknown.path("code").asText()).isEqualTo("UNKNOWN_TYPE");
        assertThat(unknown.path("requestId").asText()).isEqualTo("t1");
        alice.send("[1,2,3]");
        assertThat(alice.awaitType("error", WAIT).path("code").asText()).isEqualTo("BAD_MESSAGE");
        alice.send("{\"requestId\":\"n1\"}");
        assertThat(alice.awaitType("error", WAIT).path("requestId").asText()).isEqualTo("n1");
        alice.send("{\"type\":\"add_agent\",\"requestId\":\"a1\",\"team\":\"red\"}");
        assertThat(alice.awaitType("error", WAIT).path("code").asText()).isEqualTo("BAD_MESSAGE");
        alice.send("{\"type\":\"add_agent\",\"requestId\":\"a2\",\"team\":7}");
        assertThat(alice.awaitType("error", WAIT).path("code").asText()).isEqualTo("WORLD_REJECTED");
        alice.send("x".repeat(70_000));
        assertThat(alice.awaitType("error", WAIT).path("code").asText()).isEqualTo("FRAME_TOO_LARGE");

        alice.send("{\"type\":\"list_configs\",\"requestId\":\"l1\"}");
        assertThat(alice.awaitType("config_list", WAIT).path("requestId").asText()).isEqualTo("l1");
        assertThat(alice.isOpen()).isTrue();
        assertThat(bob.history()).noneMatch(m -> "error".equals(m.path("type").asText()));
    }

    @Test
    void anInvalidConfigIsRefusedWithFieldPathsBeforeReachingKafka() {
        alice.send("{\"type\":\"save_config\",\"requestId\":\"s1\",\"config\":{\"name\":\"\",\"settings\":"
                + "{\"visualRange\":-5,\"minSpeed\":9,\"maxSpeed\":3}}}");
        JsonNode error = alice.awaitType("error", WAIT);
        assertThat(error.path("code").asText()).isEqualTo("INVALID_CONFIG");
        assertThat(error.path("errors").findValuesAsText("path"))
                .contains("/config/name", "/config/settings/visualRange", "/config/settings/minSpeed");
        alice.send("{\"type\":\"save_config\",\"requestId\":\"s2\",\"config\":{\"name\":\"x\",\"settings\":{\"warp\":1}}}");
        JsonNode unknownField = alice.awaitType("error", WAIT);
        assertThat(unknownField.path("errors").findValuesAsText("path")).contains("/config/settings/warp");
    }

    @Test
    void saveGoesOverKafkaAndTheReplyReachesTheAskerOnlyWhileOthersHearOfTheChange() {
        alice.send("{\"type\":\"save_config\",\"requestId\":\"s1\",\"config\":{\"name\":\"Big\",\"settings\":{\"worldWidth\":1200}}}");
        List<ConsumerRecord<String, String>> seen = kafka.awaitRecord(r -> r.topic().equals(Topics.PERSISTENCE_COMMANDS), WAIT);
        PersistenceCommand command = Json.read(seen.get(seen.size() - 1).value(), PersistenceCommand.class);
        assertThat(command.type()).isEqualTo(CommandType.SAVE_CONFIG);
        assertThat(command.expectedVersion()).isNull();
        SaveConfigPayload payload = Json.convert(command.payload(), SaveConfigPayload.class);
        assertThat(payload.settings().worldWidth()).isEqualTo(1200);

        ConfigRecord committed = new ConfigRecord(1, command.entityId(), command.userId(), payload.name(), false, 1,
                Instant.now(), payload.settings());
        kafka.send(Topics.PERSISTENCE_RESULTS, command.commandId(),
                Json.write(PersistenceResult.ok(command, Json.toTree(committed))));

        JsonNode saved = alice.awaitType("config_saved", WAIT);
        assertThat(saved.path("requestId").asText()).isEqualTo("s1");
        assertThat(saved.path("config").path("id").asText()).isEqualTo(command.entityId());
        assertThat(saved.path("config").path("version").asLong()).isEqualTo(1);
        JsonNode changed = bob.awaitType("config_list_changed", WAIT);
        assertThat(changed.path("configId").asText()).isEqualTo(command.entityId());
        assertThat(bob.history()).noneMatch(m -> "config_saved".equals(m.path("type").asText()));

        bob.send("{\"type\":\"list_configs\"}");
        assertThat(bob.awaitType("config_list", WAIT).path("configs").findValuesAsText("name")).contains("Big");
    }

    @Test
    void anUnansweredSaveEndsInTimeout() {
        alice.send("{\"type\":\"save_config\",\"requestId\":\"s9\",\"config\":{\"name\":\"Lost\",\"settings\":{}}}");
        JsonNode error = alice.await(m -> "error".equals(m.path("type").asText()), Duration.ofSeconds(10));
        assertThat(error.path("code").asText()).isEqualTo("TIMEOUT");
        assertThat(error.path("requestId").asText()).isEqualTo("s9");
    }

    @Test
    void worldCommandsGoThroughTheQueue() {
        alice.send("{\"type\":\"add_agent\",\"requestId\":\"a1\",\"team\":1,\"count\":3}");
        assertThat(alice.awaitType("command_accepted", WAIT).path("command").asText()).isEqualTo("add_agent");
        JsonNode state = alice.await(m -> "state".equals(m.path("type").asText())
                && m.path("world").path("agents").size() >= 13, WAIT);
        assertThat(state.path("world").path("teams").get(1).path("alive").asInt()).isGreaterThanOrEqualTo(8);
        alice.send("{\"type\":\"reset\"}");
        alice.await(m -> "state".equals(m.path("type").asText()) && m.path("world").path("agents").size() == 10, WAIT);
    }

    @Test
    void aClientSendingTooFastIsRateLimitedWithoutHurtingOthers() {
        for (int i = 0; i < 120; i++) {
            alice.send("{\"type\":\"list_configs\"}");
        }
        JsonNode limited = alice.await(m -> "RATE_LIMITED".equals(m.path("code").asText()), WAIT);
        assertThat(limited.path("type").asText()).isEqualTo("error");
        bob.send("{\"type\":\"list_configs\",\"requestId\":\"b1\"}");
        assertThat(bob.awaitType("config_list", WAIT).path("requestId").asText()).isEqualTo("b1");
    }

    @Test
    void anUnknownWorldIsRefused() {
        try (WsTestClient stranger = WsTestClient.connect(ws(world).replace("/default", "/nowhere"))) {
            JsonNode error = stranger.awaitType("error", WAIT);
            assertThat(error.path("code").asText()).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void metricsAndHealthAreServed() {
        RestAssured.given().when().get("/q/health/ready").then().statusCode(200);
        RestAssured.given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("arena_engine_world_tick_seconds"))
                .body(containsString("arena_engine_clients_connected"));
        RestAssured.given().when().get("/").then().statusCode(200).body(containsString("Agent Arena"));
    }

    private static String ws(URI http) {
        return http.toString().replaceFirst("^http", "ws");
    }
}
