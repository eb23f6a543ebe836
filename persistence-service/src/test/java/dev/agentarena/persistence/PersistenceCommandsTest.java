package dev.agentarena.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.kafka.Topics;
import dev.agentarena.contracts.messages.CommandType;
import dev.agentarena.contracts.messages.ConfigRecord;
import dev.agentarena.contracts.messages.DefaultEntities;
import dev.agentarena.contracts.messages.PersistenceCommand;
import dev.agentarena.contracts.messages.PersistenceResult;
import dev.agentarena.contracts.messages.ResultStatus;
import dev.agentarena.contracts.messages.SaveConfigPayload;
import dev.agentarena.persistence.entity.ConfigEntity;
import dev.agentarena.persistence.repository.ConfigRepository;
import dev.agentarena.persistence.repository.UserRepository;
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
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
class PersistenceCommandsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    ConfigRepository configs;
    @Inject
    UserRepository users;

    private KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(Topics.PERSISTENCE_RESULTS, Topics.CONFIGS);
        RestAssured.given().when().get("/q/health/ready").then().statusCode(200);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void defaultUserAndConfigExistOnce() {
        assertThat(users.count().await().atMost(WAIT)).isEqualTo(1);
        var user = users.findById(DefaultEntities.DEFAULT_USER_ID).await().atMost(WAIT);
        assertThat(user.username).isEqualTo("default_user");
        assertThat(user.isDefault).isTrue();
        assertThat(user.settings.getString("theme")).isEqualTo("dark");
        ConfigEntity config = configs.findById(DefaultEntities.DEFAULT_CONFIG_ID).await().atMost(WAIT);
        assertThat(config.isDefault).isTrue();
        assertThat(config.ownerId).isEqualTo(DefaultEntities.DEFAULT_USER_ID);
    }

    @Test
    void saveCreatesThenUpdatesWithVersionCheckAndPublishesTheChangelog() {
        String id = UUID.randomUUID().toString();
        PersistenceResult created = execute(save(id, null, "Mine", ArenaConfig.defaults()));
        assertThat(created.status()).isEqualTo(ResultStatus.OK);
        ConfigRecord record = Json.convert(created.entity(), ConfigRecord.class);
        assertThat(record.version()).isEqualTo(1);
        assertThat(record.ownerId()).isEqualTo("alice");
        assertThat(configs.findById(id).await().atMost(WAIT).name).isEqualTo("Mine");

        PersistenceResult updated = execute(save(id, 1L, "Renamed", ArenaConfig.defaults()));
        assertThat(updated.status()).isEqualTo(ResultStatus.OK);
        assertThat(updated.entity().path("version").asLong()).isEqualTo(2);
        assertThat(configs.findById(id).await().atMost(WAIT).name).isEqualTo("Renamed");

        PersistenceResult stale = execute(save(id, 1L, "Stale", ArenaConfig.defaults()));
        assertThat(stale.status()).isEqualTo(ResultStatus.CONFLICT);
        assertThat(configs.findById(id).await().atMost(WAIT).name).isEqualTo("Renamed");
    }

    @Test
    void changelogCarriesTheCommittedConfigKeyedById() {
        String id = UUID.randomUUID().toString();
        PersistenceCommand command = save(id, null, "Logged", ArenaConfig.defaults());
        kafka.send(Topics.PERSISTENCE_COMMANDS, command.key(), Json.write(command));
        List<ConsumerRecord<String, String>> seen = kafka.awaitRecord(
                r -> r.topic().equals(Topics.CONFIGS) && id.equals(r.key()), WAIT);
        ConfigRecord logged = Json.read(seen.get(seen.size() - 1).value(), ConfigRecord.class);
        assertThat(logged.name()).isEqualTo("Logged");
        assertThat(logged.version()).isEqualTo(1);
    }

    @Test
    void aRedeliveredCommandGetsTheSameAnswerAndIsAppliedOnce() {
        String id = UUID.randomUUID().toString();
        PersistenceCommand command = save(id, null, "Once", ArenaConfig.defaults());
        PersistenceResult first = execute(command);
        PersistenceResult again = execute(command);
        assertThat(first.status()).isEqualTo(ResultStatus.OK);
        assertThat(again).isEqualTo(first);
        assertThat(configs.count("ownerId = ?1 and name = ?2", "alice", "Once").await().atMost(WAIT)).isEqualTo(1);
    }

    @Test
    void anInvalidConfigIsRejectedWithFieldPaths() {
        ArenaConfig bad = Json.convert(Json.tree("{\"visualRange\": -1, \"teamCount\": 9}"), ArenaConfig.class);
        PersistenceResult result = execute(save(UUID.randomUUID().toString(), null, "Bad", bad));
        assertThat(result.status()).isEqualTo(ResultStatus.INVALID);
        assertThat(result.errors()).extracting(e -> e.path())
                .contains("/settings/visualRange", "/settings/teamCount");
    }

    @Test
    void anInvalidConfigHasTheFieldErrorsTheEngineGivesForItToo() {
        // The engine's ProtocolHygieneTest refuses this same payload with these paths under /config.
        JsonNode bad = Json.tree("{\"name\":\"" + "n".repeat(81) + "\",\"settings\":{\"visualRange\":-5,\"minSpeed\":9,\"maxSpeed\":3}}");
        PersistenceResult result = execute(new PersistenceCommand(1, UUID.randomUUID().toString(), CommandType.SAVE_CONFIG,
                "alice", UUID.randomUUID().toString(), null, bad, null));
        assertThat(result.status()).isEqualTo(ResultStatus.INVALID);
        assertThat(result.errors()).isEqualTo(SaveConfigPayload.errorsIn(bad));
        assertThat(result.errors()).extracting(e -> e.path()).contains("/name", "/settings/visualRange", "/settings/minSpeed");
    }

    @Test
    void theDefaultConfigCannotBeChangedOrDeleted() {
        PersistenceResult change = execute(new PersistenceCommand(1, UUID.randomUUID().toString(), CommandType.SAVE_CONFIG,
                DefaultEntities.DEFAULT_USER_ID, DefaultEntities.DEFAULT_CONFIG_ID, 1L,
                Json.toTree(new SaveConfigPayload("Hacked", ArenaConfig.defaults())), null));
        assertThat(change.status()).isEqualTo(ResultStatus.FORBIDDEN);
        PersistenceResult delete = execute(new PersistenceCommand(1, UUID.randomUUID().toString(), CommandType.DELETE_CONFIG,
                DefaultEntities.DEFAULT_USER_ID, DefaultEntities.DEFAULT_CONFIG_ID, 1L, null, null));
        assertThat(delete.status()).isEqualTo(ResultStatus.FORBIDDEN);
    }

    @Test
    void anotherUsersConfigIsForbidden() {
        String id = UUID.randomUUID().toString();
        execute(save(id, null, "Alice's", ArenaConfig.defaults()));
        PersistenceResult result = execute(new PersistenceCommand(1, UUID.randomUUID().toString(), CommandType.SAVE_CONFIG,
                "mallory", id, 1L, Json.toTree(new SaveConfigPayload("Mine now", ArenaConfig.defaults())), null));
        assertThat(result.status()).isEqualTo(ResultStatus.FORBIDDEN);
    }

    @Test
    void deleteRemovesAndPublishesATombstone() {
        String id = UUID.randomUUID().toString();
        execute(save(id, null, "Doomed", ArenaConfig.defaults()));
        PersistenceCommand delete = new PersistenceCommand(1, UUID.randomUUID().toString(), CommandType.DELETE_CONFIG,
                "alice", id, 1L, null, null);
        kafka.send(Topics.PERSISTENCE_COMMANDS, delete.key(), Json.write(delete));
        kafka.awaitRecord(r -> r.topic().equals(Topics.CONFIGS) && id.equals(r.key()) && r.value() == null, WAIT);
        assertThat(configs.findById(id).await().atMost(WAIT)).isNull();
    }

    @Test
    void malformedCommandsAreAnsweredOrSkippedAndTheNextCommandStillWorks() {
        kafka.send(Topics.PERSISTENCE_COMMANDS, "x", "{not json");
        kafka.send(Topics.PERSISTENCE_COMMANDS, "x", "{\"commandId\":\"bad-1\",\"schema\":99}");
        List<ConsumerRecord<String, String>> seen = kafka.awaitRecord(r -> "bad-1".equals(r.key()), WAIT);
        JsonNode answer = Json.tree(seen.get(seen.size() - 1).value());
        assertThat(answer.path("status").asText()).isEqualTo("INVALID");
        assertThat(answer.path("errors").get(0).path("code").asText()).isEqualTo("MALFORMED_COMMAND");

        PersistenceResult fine = execute(save(UUID.randomUUID().toString(), null, "After", ArenaConfig.defaults()));
        assertThat(fine.status()).isEqualTo(ResultStatus.OK);
        RestAssured.given().when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("arena_persistence_commands_total"));
    }

    @Test
    void healthIsUpWithMongoAndKafka() {
        RestAssured.given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        RestAssured.given().when().get("/q/health/live").then().statusCode(200);
        RestAssured.given().when().get("/q/health/started").then().statusCode(200);
    }

    private static PersistenceCommand save(String id, Long expectedVersion, String name, ArenaConfig settings) {
        return new PersistenceCommand(1, UUID.randomUUID().toString(), CommandType.SAVE_CONFIG, "alice", id,
                expectedVersion, Json.toTree(new SaveConfigPayload(name, settings)), null);
    }

    private PersistenceResult execute(PersistenceCommand command) {
        kafka.send(Topics.PERSISTENCE_COMMANDS, command.key(), Json.write(command));
        List<ConsumerRecord<String, String>> seen = kafka.awaitRecord(
                r -> r.topic().equals(Topics.PERSISTENCE_RESULTS) && command.commandId().equals(r.key()), WAIT);
        return Json.read(seen.get(seen.size() - 1).value(), PersistenceResult.class);
    }
}
