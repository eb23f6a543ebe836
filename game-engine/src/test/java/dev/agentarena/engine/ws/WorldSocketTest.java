package dev.agentarena.engine.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentarena.behavior.BuiltInBehaviors;
import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.kafka.Topics;
import dev.agentarena.contracts.messages.BehaviorRecord;
import dev.agentarena.contracts.messages.CommandType;
import dev.agentarena.contracts.messages.ConfigRecord;
import dev.agentarena.contracts.messages.PersistenceCommand;
import dev.agentarena.contracts.messages.PersistenceResult;
import dev.agentarena.contracts.messages.SaveBehaviorPayload;
import dev.agentarena.contracts.messages.SaveConfigPayload;
import dev.agentarena.engine.world.WorldManager;
import dev.agentarena.testing.KafkaTestClient;
import dev.agentarena.testing.KafkaTestResource;
import dev.agentarena.testing.WsTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.containsString;

/**
 * The engine's WebSocket protocol against a real Kafka broker; this test plays the persistence service. Each test
 * gets a world of its own, so one that leaves its world changed (or fails half-way) cannot upset the next.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class WorldSocketTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private static final AtomicInteger WORLDS = new AtomicInteger();

    @TestHTTPResource("/ws/worlds/")
    URI worlds;

    @Inject
    WorldManager manager;

    private String worldId;

    private KafkaTestClient kafka;
    private WsTestClient alice;
    private WsTestClient bob;
    private TestUsers.SignedIn aliceUser;

    @BeforeEach
    void connect() {
        worldId = "socket-test-" + WORLDS.incrementAndGet();
        manager.create(worldId, ArenaConfig.defaults());
        kafka = new KafkaTestClient(Topics.PERSISTENCE_COMMANDS);
        aliceUser = TestUsers.signIn(kafka, "alice");
        alice = WsTestClient.connect(ws(worldId), aliceUser.bearer());
        bob = WsTestClient.connect(ws(worldId));
        alice.awaitType("welcome", WAIT);
        bob.awaitType("welcome", WAIT);
    }

    @AfterEach
    void disconnect() {
        alice.close();
        bob.close();
        kafka.close();
        manager.delete(worldId);
    }

    @Test
    void welcomeNamesTheProtocolUserAndWorldThenStateFlows() {
        JsonNode welcome = alice.history().get(0);
        assertThat(welcome.path("protocolVersion").asInt()).isEqualTo(1);
        assertThat(welcome.path("user").path("username").asText()).isEqualTo("alice");
        assertThat(welcome.path("user").path("id").asText()).isEqualTo(aliceUser.id());
        assertThat(welcome.path("user").path("guest").asBoolean()).isFalse();
        JsonNode guest = bob.history().get(0).path("user");
        assertThat(guest.path("guest").asBoolean()).isTrue();
        assertThat(guest.path("id").asText()).isEqualTo("default_user");
        assertThat(welcome.path("world").path("id").asText()).isEqualTo(worldId);
        // The world pauses after 30 s without viewers, which a slow start of the test application may exceed.
        alice.send("{\"type\":\"start\"}");
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

        alice.send("{\"type\":\"list_configs\"}");
        assertThat(alice.awaitType("config_list", WAIT).path("configs").findValuesAsText("name")).contains("Big");
        // Another user's configs are not listed to a guest (or to anyone else).
        bob.send("{\"type\":\"list_configs\"}");
        assertThat(bob.awaitType("config_list", WAIT).path("configs").findValuesAsText("name")).doesNotContain("Big");
    }

    @Test
    void validateBehaviorAnswersWithDiagnosticsAndSavesNothing() {
        alice.send("{\"type\":\"validate_behavior\",\"requestId\":\"v1\",\"behavior\":" + BuiltInBehaviors.json("wander") + "}");
        JsonNode fine = alice.awaitType("behavior_validation", WAIT);
        assertThat(fine.path("requestId").asText()).isEqualTo("v1");
        assertThat(fine.path("ok").asBoolean()).isTrue();
        assertThat(fine.path("diagnostics").size()).isZero();

        ObjectNode broken = wander("Broken");
        ((ObjectNode) broken.path("rules").get(0)).put("condition", "self.healthh > 0.5");
        alice.send(Json.write(Json.mapper().createObjectNode().put("type", "validate_behavior").put("requestId", "v2")
                .put("behavior", Json.write(broken))));
        JsonNode bad = alice.awaitType("behavior_validation", WAIT);
        assertThat(bad.path("ok").asBoolean()).isFalse();
        JsonNode diagnostic = bad.path("diagnostics").get(0);
        assertThat(diagnostic.path("code").asText()).isEqualTo("UNKNOWN_IDENTIFIER");
        assertThat(diagnostic.path("path").asText()).isEqualTo("/rules/0/condition");
        assertThat(diagnostic.path("line").asInt()).isEqualTo(1);
        assertThat(diagnostic.path("column").asInt()).isPositive();
    }

    @Test
    void invalidForbiddenAndUnknownBehaviorsAreRefusedBeforeReachingKafka() {
        ObjectNode broken = wander("Broken");
        ((ObjectNode) broken.path("rules").get(0).path("steer").get(0)).put("primitive", "teleport");
        alice.send(saveBehavior("b1", null, null, broken));
        JsonNode invalid = alice.awaitType("error", WAIT);
        assertThat(invalid.path("code").asText()).isEqualTo("INVALID_BEHAVIOR");
        assertThat(invalid.path("errors").findValuesAsText("path")).contains("/behavior/document/rules/0/steer/0/primitive");
        assertThat(invalid.path("diagnostics").findValuesAsText("path")).contains("/rules/0/steer/0/primitive");

        alice.send(saveBehavior("b2", BuiltInBehaviors.DEFAULT, 1L, wander("Shadow")));
        assertThat(alice.awaitType("error", WAIT).path("code").asText()).isEqualTo("FORBIDDEN");
        alice.send("{\"type\":\"assign_behavior\",\"requestId\":\"b3\",\"behaviorId\":\"nope\",\"team\":0}");
        JsonNode unknown = alice.awaitType("error", WAIT);
        assertThat(unknown.path("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(unknown.path("requestId").asText()).isEqualTo("b3");
        alice.send("{\"type\":\"delete_behavior\",\"requestId\":\"b4\",\"behaviorId\":\"nope\",\"version\":1}");
        assertThat(alice.awaitType("error", WAIT).path("code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aSavedBehaviorIsListedAssignedToATeamAndDeleted() {
        alice.send(saveBehavior("s1", null, null, wander("Roamer")));
        PersistenceCommand save = awaitCommand(CommandType.SAVE_BEHAVIOR);
        assertThat(save.expectedVersion()).isNull();
        SaveBehaviorPayload payload = Json.convert(save.payload(), SaveBehaviorPayload.class);
        BehaviorRecord committed = new BehaviorRecord(1, save.entityId(), save.userId(), "Roamer", 1, Instant.now(),
                payload.document());
        kafka.send(Topics.PERSISTENCE_RESULTS, save.commandId(), Json.write(PersistenceResult.ok(save, Json.toTree(committed))));

        JsonNode saved = alice.awaitType("behavior_saved", WAIT);
        assertThat(saved.path("requestId").asText()).isEqualTo("s1");
        assertThat(saved.path("behavior").path("id").asText()).isEqualTo(save.entityId());
        assertThat(bob.awaitType("behavior_list_changed", WAIT).path("behaviorId").asText()).isEqualTo(save.entityId());
        assertThat(bob.history()).noneMatch(m -> "behavior_saved".equals(m.path("type").asText()));

        alice.send("{\"type\":\"list_behaviors\",\"requestId\":\"l1\"}");
        JsonNode list = alice.awaitType("behavior_list", WAIT).path("behaviors");
        assertThat(list.findValuesAsText("id").subList(0, BuiltInBehaviors.IDS.size())).isEqualTo(BuiltInBehaviors.IDS);
        assertThat(list.get(0).path("builtIn").asBoolean()).isTrue();
        assertThat(list.findValuesAsText("id")).contains(save.entityId());
        assertThat(list.findValuesAsText("name")).contains("Roamer");

        alice.send("{\"type\":\"assign_behavior\",\"requestId\":\"a1\",\"behaviorId\":\"" + save.entityId() + "\",\"team\":0}");
        assertThat(alice.awaitType("command_accepted", WAIT).path("command").asText()).isEqualTo("set_team_behavior");
        for (WsTestClient viewer : List.of(alice, bob)) {
            JsonNode assigned = viewer.awaitType("behavior_assigned", WAIT);
            assertThat(assigned.path("behaviorId").asText()).isEqualTo(save.entityId());
            assertThat(assigned.path("team").asInt()).isEqualTo(0);
        }
        alice.await(m -> "state".equals(m.path("type").asText())
                && m.path("world").path("teams").get(0).path("behavior").asText().equals(save.entityId())
                && agentsOfTeam(m, 0).stream().allMatch(a -> a.path("behavior").asText().equals(save.entityId())), WAIT);

        alice.send("{\"type\":\"delete_behavior\",\"requestId\":\"d1\",\"behaviorId\":\"" + save.entityId() + "\",\"version\":1}");
        PersistenceCommand delete = awaitCommand(CommandType.DELETE_BEHAVIOR);
        assertThat(delete.expectedVersion()).isEqualTo(1);
        kafka.send(Topics.PERSISTENCE_RESULTS, delete.commandId(), Json.write(PersistenceResult.ok(delete, Json.toTree(committed))));
        assertThat(alice.awaitType("behavior_deleted", WAIT).path("behaviorId").asText()).isEqualTo(save.entityId());

        // Deleted: it no longer resolves for new assignments; team 0 goes back to the default behavior.
        alice.send("{\"type\":\"assign_behavior\",\"requestId\":\"a2\",\"behaviorId\":\"" + save.entityId() + "\",\"team\":0}");
        assertThat(alice.awaitType("error", WAIT).path("code").asText()).isEqualTo("NOT_FOUND");
        alice.send("{\"type\":\"assign_behavior\",\"requestId\":\"a3\",\"behaviorId\":\"default\",\"team\":0}");
        assertThat(alice.awaitType("command_accepted", WAIT).path("requestId").asText()).isEqualTo("a3");
    }

    @Test
    void anUnansweredSaveEndsInTimeout() {
        alice.send("{\"type\":\"save_config\",\"requestId\":\"s9\",\"config\":{\"name\":\"Lost\",\"settings\":{}}}");
        JsonNode error = alice.await(m -> "error".equals(m.path("type").asText()), Duration.ofSeconds(10));
        assertThat(error.path("code").asText()).isEqualTo("TIMEOUT");
        assertThat(error.path("requestId").asText()).isEqualTo("s9");
    }

    @Test
    void aResultAfterTheTimeoutReachesTheAskerMarkedLateAndASendAgainGetsItWithoutASecondCommand() {
        alice.send("{\"type\":\"save_config\",\"requestId\":\"slow-1\",\"config\":{\"name\":\"Slow\",\"settings\":{}}}");
        List<ConsumerRecord<String, String>> seen = kafka.awaitRecord(r -> r.value().contains("Slow"), WAIT);
        PersistenceCommand command = Json.read(seen.get(seen.size() - 1).value(), PersistenceCommand.class);
        JsonNode timeout = alice.await(m -> "slow-1".equals(m.path("requestId").asText()), WAIT);
        assertThat(timeout.path("code").asText()).isEqualTo("TIMEOUT");

        SaveConfigPayload payload = Json.convert(command.payload(), SaveConfigPayload.class);
        ConfigRecord committed = new ConfigRecord(1, command.entityId(), command.userId(), payload.name(), false, 1,
                Instant.now(), payload.settings());
        kafka.send(Topics.PERSISTENCE_RESULTS, command.commandId(), Json.write(PersistenceResult.ok(command, Json.toTree(committed))));
        JsonNode late = alice.awaitType("config_saved", WAIT);
        assertThat(late.path("requestId").asText()).isEqualTo("slow-1");
        assertThat(late.path("late").asBoolean()).isTrue();
        assertThat(late.path("config").path("id").asText()).isEqualTo(command.entityId());

        // The same requestId again: the first outcome, on time this time, and no second command on Kafka.
        alice.send("{\"type\":\"save_config\",\"requestId\":\"slow-1\",\"config\":{\"name\":\"Slow\",\"settings\":{}}}");
        JsonNode again = alice.await(m -> "config_saved".equals(m.path("type").asText()) && !m.path("late").asBoolean(), WAIT);
        assertThat(again.path("requestId").asText()).isEqualTo("slow-1");
        assertThat(again.path("config").path("id").asText()).isEqualTo(command.entityId());
        assertThat(catchThrowable(() -> kafka.awaitRecord(r -> r.value().contains("Slow"), Duration.ofSeconds(1))))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void worldCommandsGoThroughTheQueue() {
        alice.send("{\"type\":\"add_agent\",\"requestId\":\"a1\",\"team\":1,\"count\":3}");
        assertThat(alice.awaitType("command_accepted", WAIT).path("command").asText()).isEqualTo("add_agent");
        JsonNode state = alice.await(m -> "state".equals(m.path("type").asText())
                && m.path("world").path("agents").size() >= 13, WAIT);
        assertThat(state.path("world").path("teams").get(1).path("agents").asInt()).isEqualTo(8);
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
        try (WsTestClient stranger = WsTestClient.connect(ws("nowhere"))) {
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

    private static ObjectNode wander(String name) {
        ObjectNode document = (ObjectNode) Json.tree(BuiltInBehaviors.json("wander"));
        return document.put("name", name);
    }

    private static String saveBehavior(String requestId, String id, Long version, JsonNode document) {
        ObjectNode behavior = Json.mapper().createObjectNode().put("id", id);
        behavior.put("version", version).set("document", document);
        ObjectNode message = Json.mapper().createObjectNode().put("type", "save_behavior").put("requestId", requestId);
        message.set("behavior", behavior);
        return Json.write(message);
    }

    private PersistenceCommand awaitCommand(CommandType type) {
        List<ConsumerRecord<String, String>> seen = kafka.awaitRecord(r -> r.topic().equals(Topics.PERSISTENCE_COMMANDS)
                && Json.read(r.value(), PersistenceCommand.class).type() == type, WAIT);
        return Json.read(seen.get(seen.size() - 1).value(), PersistenceCommand.class);
    }

    private static List<JsonNode> agentsOfTeam(JsonNode state, int team) {
        List<JsonNode> agents = new java.util.ArrayList<>();
        state.path("world").path("agents").forEach(agent -> {
            if (agent.path("team").asInt() == team) {
                agents.add(agent);
            }
        });
        return agents;
    }

    /** The WebSocket address of world {@code id}. */
    private String ws(String id) {
        return worlds.toString().replaceFirst("^http", "ws") + id;
    }
}
