package dev.agentarena.engine.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentarena.contracts.FieldError;
import dev.agentarena.behavior.BehaviorValidator;
import dev.agentarena.behavior.BuiltInBehaviors;
import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.kafka.Topics;
import dev.agentarena.contracts.messages.BehaviorRecord;
import dev.agentarena.contracts.messages.CommandType;
import dev.agentarena.contracts.messages.ConfigRecord;
import dev.agentarena.contracts.messages.PersistenceCommand;
import dev.agentarena.contracts.messages.PersistenceResult;
import dev.agentarena.contracts.messages.ResultStatus;
import dev.agentarena.contracts.messages.SaveBehaviorPayload;
import dev.agentarena.contracts.messages.SaveConfigPayload;
import dev.agentarena.engine.view.ConfigView;
import dev.agentarena.testing.KafkaTestClient;
import dev.agentarena.testing.KafkaTestResource;
import dev.agentarena.testing.WsTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client lists it can save back, lists come in pages, refusals are typed and carry the requestId, and a
 * refused config or behavior has the same field paths whether the engine or the persistence service refuses it.
 * Real Kafka; this test plays the persistence service.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class ProtocolHygieneTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TestHTTPResource("/ws/worlds/default")
    URI world;

    @Inject
    ConfigView configs;

    private KafkaTestClient kafka;
    private WsTestClient alice;
    private TestUsers.SignedIn aliceUser;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(Topics.PERSISTENCE_COMMANDS);
        aliceUser = TestUsers.signIn(kafka, "alice");
        alice = WsTestClient.connect(ws(world), aliceUser.bearer());
        alice.awaitType("welcome", WAIT);
    }

    @AfterEach
    void disconnect() {
        alice.close();
        kafka.close();
    }

    @Test
    void aConfigSavedExactlyAsListedIsAnUpdateOfTheVersionRead() {
        alice.send("{\"type\":\"save_config\",\"requestId\":\"c1\",\"config\":{\"name\":\"Round trip\",\"settings\":{\"worldWidth\":900}}}");
        PersistenceCommand create = awaitCommand(CommandType.SAVE_CONFIG, null);
        assertThat(create.expectedVersion()).isNull();
        SaveConfigPayload payload = Json.convert(create.payload(), SaveConfigPayload.class);
        commit(create, new ConfigRecord(1, create.entityId(), create.userId(), payload.name(), false, 1, Instant.now(),
                payload.settings()));
        assertThat(reply(alice, "c1").path("type").asText()).isEqualTo("config_saved");

        JsonNode listed = listAll(alice, "list_configs", "configs").stream()
                .filter(config -> config.path("id").asText().equals(create.entityId())).findFirst().orElseThrow();
        assertThat(listed.has("schema") && listed.has("ownerId") && listed.has("isDefault") && listed.has("updatedAt")).isTrue();
        ObjectNode save = Json.mapper().createObjectNode().put("type", "save_config").put("requestId", "c2");
        save.set("config", listed);
        alice.send(Json.write(save));

        PersistenceCommand update = awaitCommand(CommandType.SAVE_CONFIG, create.entityId());
        assertThat(update.expectedVersion()).isEqualTo(1);
        SaveConfigPayload updated = Json.convert(update.payload(), SaveConfigPayload.class);
        assertThat(updated.name()).isEqualTo("Round trip");
        assertThat(updated.settings().worldWidth()).isEqualTo(900);
        commit(update, new ConfigRecord(1, update.entityId(), update.userId(), updated.name(), false, 2, Instant.now(),
                updated.settings()));
        JsonNode saved = reply(alice, "c2");
        assertThat(saved.path("type").asText()).isEqualTo("config_saved");
        assertThat(saved.path("config").path("version").asLong()).isEqualTo(2);
    }

    @Test
    void aBehaviorSavedExactlyAsListedOrAsSavedIsAnUpdateOfTheVersionRead() {
        alice.send(Json.write(message("save_behavior", "b1", "behavior",
                Json.mapper().createObjectNode().set("document", wander("Echo")))));
        PersistenceCommand create = awaitCommand(CommandType.SAVE_BEHAVIOR, null);
        JsonNode document = Json.convert(create.payload(), SaveBehaviorPayload.class).document();
        commit(create, new BehaviorRecord(1, create.entityId(), create.userId(), "Echo", 1, Instant.now(), document));
        JsonNode created = reply(alice, "b1");
        assertThat(created.path("type").asText()).isEqualTo("behavior_saved");

        JsonNode listed = listAll(alice, "list_behaviors", "behaviors").stream()
                .filter(behavior -> behavior.path("id").asText().equals(create.entityId())).findFirst().orElseThrow();
        assertThat(listed.path("builtIn").asBoolean()).isFalse();
        alice.send(Json.write(message("save_behavior", "b2", "behavior", listed)));
        PersistenceCommand fromList = awaitCommand(CommandType.SAVE_BEHAVIOR, create.entityId());
        assertThat(fromList.expectedVersion()).isEqualTo(1);
        commit(fromList, new BehaviorRecord(1, create.entityId(), create.userId(), "Echo", 2, Instant.now(), document));
        JsonNode saved = reply(alice, "b2");
        assertThat(saved.path("behavior").path("version").asLong()).isEqualTo(2);

        alice.send(Json.write(message("save_behavior", "b3", "behavior", saved.path("behavior"))));
        PersistenceCommand fromSaved = awaitCommand(CommandType.SAVE_BEHAVIOR, create.entityId());
        assertThat(fromSaved.expectedVersion()).isEqualTo(2);
        assertThat(fromSaved.commandId()).isNotEqualTo(fromList.commandId());
    }

    @Test
    void addAgentWithAHugeCountIsRefusedNamingTheCount() {
        alice.send("{\"type\":\"add_agent\",\"requestId\":\"big\",\"team\":0,\"count\":2147483647}");
        JsonNode refused = reply(alice, "big");
        assertThat(refused.path("code").asText()).isEqualTo("BAD_MESSAGE");
        assertThat(refused.path("errors").findValuesAsText("path")).containsExactly("/count");
        alice.send("{\"type\":\"add_agent\",\"requestId\":\"bigger\",\"team\":0,\"count\":2147483648}");
        assertThat(reply(alice, "bigger").path("errors").findValuesAsText("path")).containsExactly("/count");
        alice.send("{\"type\":\"add_agent\",\"requestId\":\"none\",\"team\":0,\"count\":0}");
        assertThat(reply(alice, "none").path("code").asText()).isEqualTo("BAD_MESSAGE");
    }

    @Test
    void addingBeyondTheWorldsMaximumIsRefusedAndNothingIsAdded() {
        alice.send("{\"type\":\"create_world\",\"requestId\":\"w1\",\"worldId\":\"crowded\"}");
        assertThat(reply(alice, "w1").path("type").asText()).isEqualTo("world_created");
        try (WsTestClient viewer = WsTestClient.connect(ws(world).replace("/default", "/crowded"))) {
            viewer.awaitType("welcome", WAIT);
            // The test profile allows 1,200 agents a world; the world starts with 10.
            viewer.send("{\"type\":\"add_agent\",\"requestId\":\"a1\",\"team\":0,\"count\":1000}");
            assertThat(reply(viewer, "a1").path("type").asText()).isEqualTo("command_accepted");
            viewer.send("{\"type\":\"add_agent\",\"requestId\":\"a2\",\"team\":1,\"count\":191}");
            JsonNode refused = reply(viewer, "a2");
            assertThat(refused.path("code").asText()).isEqualTo("AGENT_LIMIT");
            viewer.send("{\"type\":\"add_agent\",\"requestId\":\"a3\",\"team\":1,\"count\":190}");
            assertThat(reply(viewer, "a3").path("type").asText()).isEqualTo("command_accepted");
            viewer.await(m -> "state".equals(m.path("type").asText()) && m.path("world").path("agents").size() == 1200, WAIT);
            viewer.send("{\"type\":\"add_agent\",\"requestId\":\"a4\",\"team\":1}");
            assertThat(reply(viewer, "a4").path("code").asText()).isEqualTo("AGENT_LIMIT");
        } finally {
            alice.send("{\"type\":\"delete_world\",\"requestId\":\"w2\",\"worldId\":\"crowded\"}");
            assertThat(reply(alice, "w2").path("type").asText()).isEqualTo("world_deleted");
        }
    }

    @Test
    void pagingThrough250ConfigsReturnsEachOnceInOrder() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            names.add(String.format("Paged %03d", i));
        }
        Collections.shuffle(names, new Random(3));
        List<ConfigRecord> paged = new ArrayList<>();
        for (String name : names) {
            ConfigRecord config = new ConfigRecord(1, "paged-" + name.substring(6), aliceUser.id(), name,
                    false, 1, Instant.now(), ArenaConfig.defaults());
            configs.upsert(config);
            paged.add(config);
        }
        try {
            List<JsonNode> all = listAll(alice, "list_configs", "configs");
            Set<String> ids = new HashSet<>();
            all.forEach(config -> assertThat(ids.add(config.path("id").asText())).isTrue());
            List<String> seen = all.stream().map(config -> config.path("name").asText())
                    .filter(name -> name.startsWith("Paged ")).toList();
            assertThat(seen).hasSize(250).isSorted();
            alice.send("{\"type\":\"list_configs\",\"requestId\":\"too-many\",\"limit\":101}");
            JsonNode refused = reply(alice, "too-many");
            assertThat(refused.path("code").asText()).isEqualTo("BAD_MESSAGE");
            assertThat(refused.path("errors").findValuesAsText("path")).containsExactly("/limit");
        } finally {
            paged.forEach(config -> configs.remove(config.id()));
        }
    }

    @Test
    void aUserMayCreateOnlySoManyWorlds() {
        List<String> created = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                alice.send("{\"type\":\"create_world\",\"requestId\":\"m" + i + "\",\"worldId\":\"mine-" + i + "\"}");
                assertThat(reply(alice, "m" + i).path("type").asText()).isEqualTo("world_created");
                created.add("mine-" + i);
            }
            alice.send("{\"type\":\"create_world\",\"requestId\":\"m4\",\"worldId\":\"mine-4\"}");
            JsonNode refused = reply(alice, "m4");
            assertThat(refused.path("code").asText()).isEqualTo("WORLD_LIMIT");
            alice.send("{\"type\":\"delete_world\",\"requestId\":\"d0\",\"worldId\":\"mine-0\"}");
            assertThat(reply(alice, "d0").path("type").asText()).isEqualTo("world_deleted");
            created.remove("mine-0");
            alice.send("{\"type\":\"create_world\",\"requestId\":\"m5\",\"worldId\":\"mine-4\"}");
            assertThat(reply(alice, "m5").path("type").asText()).isEqualTo("world_created");
            created.add("mine-4");
        } finally {
            for (String id : created) {
                alice.send("{\"type\":\"delete_world\",\"requestId\":\"x-" + id + "\",\"worldId\":\"" + id + "\"}");
                reply(alice, "x-" + id);
            }
        }
    }

    @Test
    void aBadConfigHasTheSamePathsWhetherTheEngineOrThePersistenceServiceRefusesIt() {
        ObjectNode bad = (ObjectNode) Json.tree("{\"name\":\"" + "n".repeat(81) + "\",\"settings\":"
                + "{\"visualRange\":-5,\"minSpeed\":9,\"maxSpeed\":3}}");
        alice.send(Json.write(message("save_config", "e1", "config", bad)));
        JsonNode byEngine = reply(alice, "e1");
        assertThat(byEngine.path("code").asText()).isEqualTo("INVALID_CONFIG");
        List<String> enginePaths = byEngine.path("errors").findValuesAsText("path");
        assertThat(enginePaths).contains("/config/name", "/config/settings/visualRange", "/config/settings/minSpeed")
                .isEqualTo(PersistenceReplies.under("/config", SaveConfigPayload.errorsIn(bad)).stream().map(FieldError::path).toList());

        // A valid save that the persistence service refuses with what it finds wrong in that same bad payload.
        alice.send("{\"type\":\"save_config\",\"requestId\":\"e2\",\"config\":{\"name\":\"Fine\",\"settings\":{}}}");
        PersistenceCommand command = awaitCommand(CommandType.SAVE_CONFIG, null);
        refuse(command, SaveConfigPayload.errorsIn(bad));
        JsonNode byPersistence = reply(alice, "e2");
        assertThat(byPersistence.path("code").asText()).isEqualTo("INVALID_CONFIG");
        assertThat(byPersistence.path("errors").findValuesAsText("path")).isEqualTo(enginePaths);
        assertThat(byPersistence.path("errors").findValuesAsText("code"))
                .isEqualTo(byEngine.path("errors").findValuesAsText("code"));
    }

    @Test
    void aBadBehaviorHasTheSamePathsWhetherTheEngineOrThePersistenceServiceRefusesIt() {
        ObjectNode broken = wander("Broken");
        ((ObjectNode) broken.path("rules").get(0)).put("condition", "self.healthh > 0.5");
        ((ObjectNode) broken.path("rules").get(0).path("steer").get(0)).put("primitive", "teleport");
        alice.send(Json.write(message("save_behavior", "v1", "behavior",
                Json.mapper().createObjectNode().set("document", broken))));
        JsonNode byEngine = reply(alice, "v1");
        assertThat(byEngine.path("code").asText()).isEqualTo("INVALID_BEHAVIOR");
        List<String> enginePaths = byEngine.path("errors").findValuesAsText("path");
        assertThat(enginePaths).contains("/behavior/document/rules/0/steer/0/primitive");

        alice.send(Json.write(message("save_behavior", "v2", "behavior",
                Json.mapper().createObjectNode().set("document", wander("Fine")))));
        PersistenceCommand command = awaitCommand(CommandType.SAVE_BEHAVIOR, null);
        refuse(command, SaveBehaviorPayload.errorsOf(BehaviorValidator.validate(Json.write(broken)).diagnostics()));
        JsonNode byPersistence = reply(alice, "v2");
        assertThat(byPersistence.path("code").asText()).isEqualTo("INVALID_BEHAVIOR");
        assertThat(byPersistence.path("errors").findValuesAsText("path")).isEqualTo(enginePaths);
    }

    /** Every entry of a paged list, asking 100 at a time and following nextCursor. */
    private static List<JsonNode> listAll(WsTestClient client, String type, String field) {
        List<JsonNode> entries = new ArrayList<>();
        String cursor = null;
        int page = 0;
        do {
            ObjectNode request = Json.mapper().createObjectNode().put("type", type).put("requestId", type + "-" + page)
                    .put("limit", 100);
            if (cursor != null) {
                request.put("cursor", cursor);
            }
            client.send(Json.write(request));
            JsonNode reply = reply(client, type + "-" + page++);
            assertThat(reply.path(field).size()).isLessThanOrEqualTo(100);
            reply.path(field).forEach(entries::add);
            cursor = reply.path("nextCursor").isTextual() ? reply.path("nextCursor").asText() : null;
        } while (cursor != null);
        return entries;
    }

    private static JsonNode reply(WsTestClient client, String requestId) {
        return client.await(m -> requestId.equals(m.path("requestId").asText()), WAIT);
    }

    private static ObjectNode message(String type, String requestId, String field, JsonNode value) {
        ObjectNode message = Json.mapper().createObjectNode().put("type", type).put("requestId", requestId);
        message.set(field, value);
        return message;
    }

    private static ObjectNode wander(String name) {
        return ((ObjectNode) Json.tree(BuiltInBehaviors.json("wander"))).put("name", name);
    }

    private PersistenceCommand awaitCommand(CommandType type, String entityId) {
        List<ConsumerRecord<String, String>> seen = kafka.awaitRecord(r -> {
            PersistenceCommand command = Json.read(r.value(), PersistenceCommand.class);
            return command.type() == type && (entityId == null ? command.expectedVersion() == null
                    : entityId.equals(command.entityId()) && command.expectedVersion() != null);
        }, WAIT);
        return Json.read(seen.get(seen.size() - 1).value(), PersistenceCommand.class);
    }

    private void commit(PersistenceCommand command, Object record) {
        kafka.send(Topics.PERSISTENCE_RESULTS, command.commandId(), Json.write(PersistenceResult.ok(command, Json.toTree(record))));
    }

    private void refuse(PersistenceCommand command, List<FieldError> errors) {
        kafka.send(Topics.PERSISTENCE_RESULTS, command.commandId(), Json.write(PersistenceResult.failed(command,
                ResultStatus.INVALID, "not valid", errors)));
    }

    private static String ws(URI http) {
        return http.toString().replaceFirst("^http", "ws");
    }
}
