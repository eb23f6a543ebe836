package dev.agentarena.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentarena.contracts.FieldError;
import dev.agentarena.behavior.BuiltInBehaviors;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.kafka.Topics;
import dev.agentarena.contracts.messages.BehaviorRecord;
import dev.agentarena.contracts.messages.CommandType;
import dev.agentarena.contracts.messages.PersistenceCommand;
import dev.agentarena.contracts.messages.PersistenceResult;
import dev.agentarena.contracts.messages.ResultStatus;
import dev.agentarena.contracts.messages.SaveBehaviorPayload;
import dev.agentarena.persistence.entity.BehaviorEntity;
import dev.agentarena.persistence.repository.BehaviorRepository;
import dev.agentarena.testing.KafkaTestClient;
import dev.agentarena.testing.KafkaTestResource;
import dev.agentarena.testing.MongoTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Behavior commands over real Kafka and MongoDB: the same flow as configs, validated by the behavior validator. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
class BehaviorCommandsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    BehaviorRepository behaviors;

    private KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(Topics.PERSISTENCE_RESULTS, Topics.BEHAVIORS);
        RestAssured.given().when().get("/q/health/ready").then().statusCode(200);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void saveStoresTheDocumentAndPublishesItThenUpdatesWithAVersionCheck() {
        String id = UUID.randomUUID().toString();
        PersistenceCommand create = save("alice", id, null, named("Roamer"));
        kafka.send(Topics.PERSISTENCE_COMMANDS, create.key(), Json.write(create));
        List<ConsumerRecord<String, String>> logged = kafka.awaitRecord(
                r -> r.topic().equals(Topics.BEHAVIORS) && id.equals(r.key()), WAIT);
        BehaviorRecord published = Json.read(logged.get(logged.size() - 1).value(), BehaviorRecord.class);
        assertThat(published.name()).isEqualTo("Roamer");
        assertThat(published.ownerId()).isEqualTo("alice");
        assertThat(published.version()).isEqualTo(1);
        assertThat(published.document().path("rules").get(0).path("name").asText()).isEqualTo("WANDER");
        BehaviorEntity stored = behaviors.findById(id).await().atMost(WAIT);
        assertThat(stored.name).isEqualTo("Roamer");
        assertThat(stored.document.getInteger("schemaVersion")).isEqualTo(1);

        PersistenceResult updated = execute(save("alice", id, 1L, named("Roamer two")));
        assertThat(updated.status()).isEqualTo(ResultStatus.OK);
        assertThat(Json.convert(updated.entity(), BehaviorRecord.class).version()).isEqualTo(2);

        PersistenceResult stale = execute(save("alice", id, 1L, named("Stale")));
        assertThat(stale.status()).isEqualTo(ResultStatus.CONFLICT);
        assertThat(behaviors.findById(id).await().atMost(WAIT).name).isEqualTo("Roamer two");
    }

    @Test
    void anInvalidDocumentIsRejectedWithItsDiagnosticsPathsAndPositions() {
        ObjectNode document = named("Broken");
        ObjectNode rule = (ObjectNode) document.path("rules").get(0);
        rule.put("condition", "self.health <");
        ((ObjectNode) rule.path("steer").get(0)).put("primitive", "teleport");
        PersistenceResult result = execute(save("alice", UUID.randomUUID().toString(), null, document));
        assertThat(result.status()).isEqualTo(ResultStatus.INVALID);
        assertThat(result.errors()).extracting(FieldError::path).contains("/document/rules/0/steer/0/primitive");

        ObjectNode badExpression = named("Broken");
        ((ObjectNode) badExpression.path("rules").get(0)).put("condition", "self.healthh > 0.5");
        PersistenceResult typed = execute(save("alice", UUID.randomUUID().toString(), null, badExpression));
        assertThat(typed.status()).isEqualTo(ResultStatus.INVALID);
        FieldError error = typed.errors().get(0);
        assertThat(error.path()).isEqualTo("/document/rules/0/condition");
        assertThat(error.code()).isEqualTo("UNKNOWN_IDENTIFIER");
        assertThat(error.message()).contains("line 1, column");
    }

    @Test
    void anotherUsersBehaviorAndTheBuiltInsAreForbidden() {
        String id = UUID.randomUUID().toString();
        assertThat(execute(save("alice", id, null, named("Alices"))).status()).isEqualTo(ResultStatus.OK);
        assertThat(execute(save("mallory", id, 1L, named("Mine now"))).status()).isEqualTo(ResultStatus.FORBIDDEN);
        assertThat(execute(delete("mallory", id, 1L)).status()).isEqualTo(ResultStatus.FORBIDDEN);
        assertThat(execute(save("alice", BuiltInBehaviors.DEFAULT, null, named("Shadow"))).status())
                .isEqualTo(ResultStatus.FORBIDDEN);
        assertThat(behaviors.findById(id).await().atMost(WAIT).name).isEqualTo("Alices");
    }

    @Test
    void deleteChecksTheVersionThenRemovesAndPublishesATombstone() {
        String id = UUID.randomUUID().toString();
        execute(save("alice", id, null, named("Doomed")));
        assertThat(execute(delete("alice", id, 7L)).status()).isEqualTo(ResultStatus.CONFLICT);
        PersistenceCommand delete = delete("alice", id, 1L);
        kafka.send(Topics.PERSISTENCE_COMMANDS, delete.key(), Json.write(delete));
        kafka.awaitRecord(r -> r.topic().equals(Topics.BEHAVIORS) && id.equals(r.key()) && r.value() == null, WAIT);
        assertThat(behaviors.findById(id).await().atMost(WAIT)).isNull();
        assertThat(execute(delete("alice", id, 1L)).status()).isEqualTo(ResultStatus.NOT_FOUND);
    }

    private static ObjectNode named(String name) {
        ObjectNode document = (ObjectNode) Json.tree(BuiltInBehaviors.json("wander"));
        document.put("name", name);
        return document;
    }

    private static PersistenceCommand save(String userId, String id, Long expectedVersion, JsonNode document) {
        return new PersistenceCommand(1, UUID.randomUUID().toString(), CommandType.SAVE_BEHAVIOR, userId, id,
                expectedVersion, Json.toTree(new SaveBehaviorPayload(document)), null);
    }

    private static PersistenceCommand delete(String userId, String id, long expectedVersion) {
        return new PersistenceCommand(1, UUID.randomUUID().toString(), CommandType.DELETE_BEHAVIOR, userId, id,
                expectedVersion, null, null);
    }

    private PersistenceResult execute(PersistenceCommand command) {
        kafka.send(Topics.PERSISTENCE_COMMANDS, command.key(), Json.write(command));
        List<ConsumerRecord<String, String>> seen = kafka.awaitRecord(
                r -> r.topic().equals(Topics.PERSISTENCE_RESULTS) && command.commandId().equals(r.key()), WAIT);
        return Json.read(seen.get(seen.size() - 1).value(), PersistenceResult.class);
    }
}
