package dev.agentarena.persistence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentarena.behavior.BuiltInBehaviors;
import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.messages.CommandType;
import dev.agentarena.contracts.messages.PersistenceCommand;
import dev.agentarena.contracts.messages.PersistenceResult;
import dev.agentarena.contracts.messages.ResultStatus;
import dev.agentarena.contracts.messages.SaveBehaviorPayload;
import dev.agentarena.contracts.messages.SaveConfigPayload;
import dev.agentarena.persistence.entity.ConfigEntity;
import dev.agentarena.persistence.mapping.EntityMapper;
import dev.agentarena.persistence.repository.BehaviorRepository;
import dev.agentarena.persistence.repository.ConfigRepository;
import dev.agentarena.persistence.repository.ProcessedCommandRepository;
import dev.agentarena.testing.KafkaTestResource;
import dev.agentarena.testing.MongoTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Owner-only writes (user B with the right id and version), quotas per user, guests refused, and a command whose
 * effect was written before a crash but whose answer was not recorded: its redelivery is the success it was.
 */
@QuarkusTest
@TestProfile(OwnershipAndQuotaTest.SmallQuotas.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
class OwnershipAndQuotaTest {

    static final int QUOTA = 3;

    public static class SmallQuotas implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("arena.persistence.max-configs-per-user", String.valueOf(QUOTA),
                    "arena.persistence.max-behaviors-per-user", String.valueOf(QUOTA));
        }
    }

    @Inject
    ConfigRepository configs;
    @Inject
    BehaviorRepository behaviors;
    @Inject
    ProcessedCommandRepository processed;

    private CommandChannel channel;

    @BeforeEach
    void connect() {
        channel = new CommandChannel();
        RestAssured.given().when().get("/q/health/ready").then().statusCode(200);
    }

    @AfterEach
    void disconnect() {
        channel.close();
    }

    @Test
    void userBCannotChangeOrDeleteUserAsConfigOrBehaviorEvenWithTheRightIdAndVersion() {
        String alice = user();
        String bob = user();
        String configId = UUID.randomUUID().toString();
        assertThat(channel.execute(saveConfig(alice, configId, null, "Alice's")).status()).isEqualTo(ResultStatus.OK);
        String behaviorId = UUID.randomUUID().toString();
        assertThat(channel.execute(saveBehavior(alice, behaviorId, null)).status()).isEqualTo(ResultStatus.OK);

        assertThat(channel.execute(saveConfig(bob, configId, 1L, "Bob's now")).status()).isEqualTo(ResultStatus.FORBIDDEN);
        assertThat(channel.execute(delete(CommandType.DELETE_CONFIG, bob, configId)).status()).isEqualTo(ResultStatus.FORBIDDEN);
        assertThat(channel.execute(saveBehavior(bob, behaviorId, 1L)).status()).isEqualTo(ResultStatus.FORBIDDEN);
        assertThat(channel.execute(delete(CommandType.DELETE_BEHAVIOR, bob, behaviorId)).status()).isEqualTo(ResultStatus.FORBIDDEN);

        ConfigEntity config = configs.findById(configId).await().atMost(CommandChannel.WAIT);
        assertThat(config.name).isEqualTo("Alice's");
        assertThat(config.version).isEqualTo(1);
        assertThat(behaviors.findById(behaviorId).await().atMost(CommandChannel.WAIT).version).isEqualTo(1);
    }

    @Test
    void aUserOverTheQuotaIsAnsweredQuotaExceededWithTheLimit() {
        String owner = user();
        for (int i = 0; i < QUOTA; i++) {
            assertThat(channel.execute(saveConfig(owner, UUID.randomUUID().toString(), null, "c" + i)).status()).isEqualTo(ResultStatus.OK);
            assertThat(channel.execute(saveBehavior(owner, UUID.randomUUID().toString(), null)).status()).isEqualTo(ResultStatus.OK);
        }
        PersistenceResult config = channel.execute(saveConfig(owner, UUID.randomUUID().toString(), null, "one too many"));
        assertThat(config.status()).isEqualTo(ResultStatus.FORBIDDEN);
        assertThat(config.errors()).extracting(e -> e.code()).containsExactly("QUOTA_EXCEEDED");
        assertThat(config.message()).contains("at most " + QUOTA + " configs");
        PersistenceResult behavior = channel.execute(saveBehavior(owner, UUID.randomUUID().toString(), null));
        assertThat(behavior.errors()).extracting(e -> e.code()).containsExactly("QUOTA_EXCEEDED");
        assertThat(configs.count("ownerId", owner).await().atMost(CommandChannel.WAIT)).isEqualTo(QUOTA);

        // Another user has a quota of their own, and updates are not creations.
        assertThat(channel.execute(saveConfig(user(), UUID.randomUUID().toString(), null, "fresh")).status()).isEqualTo(ResultStatus.OK);
    }

    @Test
    void aGuestCanSaveNothing() {
        PersistenceResult result = channel.execute(saveConfig(null, UUID.randomUUID().toString(), null, "guest's"));
        assertThat(result.status()).isEqualTo(ResultStatus.FORBIDDEN);
        assertThat(result.message()).contains("sign in");
        assertThat(channel.execute(saveBehavior(null, UUID.randomUUID().toString(), null)).status()).isEqualTo(ResultStatus.FORBIDDEN);
    }

    @Test
    void aCommandWrittenBeforeACrashButNeverAnsweredIsAnsweredAsTheSuccessItWas() {
        String owner = user();
        String id = UUID.randomUUID().toString();
        PersistenceCommand create = saveConfig(owner, id, null, "Written");
        // The state a kill -9 between the write and the record of its answer leaves behind.
        ConfigEntity written = new ConfigEntity();
        written.id = id;
        written.ownerId = owner;
        written.name = "Written";
        written.version = 1;
        written.updatedAt = Instant.parse("2026-01-01T00:00:00Z");
        written.lastCommandId = create.commandId();
        written.settings = EntityMapper.toDocument(ArenaConfig.defaults());
        configs.persist(written).await().atMost(CommandChannel.WAIT);

        PersistenceResult result = channel.execute(create);
        assertThat(result.status()).isEqualTo(ResultStatus.OK);
        assertThat(result.entity().path("version").asLong()).isEqualTo(1);

        PersistenceCommand update = saveConfig(owner, id, 1L, "Updated");
        PersistenceResult updated = channel.execute(update);
        assertThat(updated.status()).isEqualTo(ResultStatus.OK);
        // Its answer's record lost: the redelivered update finds version 2 written by itself, not a conflict.
        processed.deleteById(update.commandId()).await().atMost(CommandChannel.WAIT);
        assertThat(channel.execute(update)).isEqualTo(updated);
        assertThat(configs.findById(id).await().atMost(CommandChannel.WAIT).version).isEqualTo(2);
    }

    private static String user() {
        return "user-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static PersistenceCommand saveConfig(String userId, String id, Long version, String name) {
        return CommandChannel.command(CommandType.SAVE_CONFIG, userId, id, version, new SaveConfigPayload(name, ArenaConfig.defaults()));
    }

    private static PersistenceCommand saveBehavior(String userId, String id, Long version) {
        ObjectNode document = (ObjectNode) Json.tree(BuiltInBehaviors.json(BuiltInBehaviors.DEFAULT));
        document.put("name", "mine");
        return CommandChannel.command(CommandType.SAVE_BEHAVIOR, userId, id, version, new SaveBehaviorPayload(document));
    }

    private static PersistenceCommand delete(CommandType type, String userId, String id) {
        return CommandChannel.command(type, userId, id, 1L, null);
    }
}
