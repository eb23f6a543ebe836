package dev.agentarena.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.kafka.Topics;
import dev.agentarena.contracts.messages.CommandType;
import dev.agentarena.contracts.messages.PersistenceCommand;
import dev.agentarena.contracts.messages.PersistenceResult;
import dev.agentarena.contracts.messages.ResultStatus;
import dev.agentarena.contracts.messages.SaveConfigPayload;
import dev.agentarena.testing.KafkaTestResource;
import dev.agentarena.testing.MongoTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * What is not a command goes to the dead-letter topic with its reason, is counted, and the next command still works;
 * a command of a newer minor version is a command.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
class DeadLetterTest {

    private CommandChannel channel;

    @BeforeEach
    void connect() {
        channel = new CommandChannel(Topics.PERSISTENCE_DEAD_LETTERS);
        RestAssured.given().when().get("/q/health/ready").then().statusCode(200);
    }

    @AfterEach
    void disconnect() {
        channel.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "BAD_JSON      | {not json",
            "BAD_JSON      | {\"schema\":1,\"commandId\":\"c-KEY\",\"type\":\"SAVE_CONFIG\",\"expectedVersion\":\"seven\"}",
            "UNKNOWN_TYPE  | {\"schema\":1,\"commandId\":\"c-KEY\",\"type\":\"DROP_DATABASE\"}",
            "BAD_ID        | {\"schema\":1,\"commandId\":\"c-KEY\",\"type\":\"SAVE_CONFIG\",\"entityId\":\"a b/../c\"}",
            "BAD_ID        | {\"schema\":1,\"commandId\":42,\"type\":\"SAVE_CONFIG\"}",
            "FUTURE_SCHEMA | {\"schema\":99,\"commandId\":\"c-KEY\",\"type\":\"TELEPORT\"}",
            "OVERSIZED     | OVERSIZED"})
    void isDeadLetteredWithItsReason(String reason, String template) {
        String key = UUID.randomUUID().toString();
        String message = template.equals("OVERSIZED") ? "{\"pad\":\"" + "x".repeat(300_000) + "\"}" : template.replace("KEY", key);
        channel.sendRaw(key, message);

        JsonNode letter = CommandChannel.tree(channel.await(r -> r.topic().equals(Topics.PERSISTENCE_DEAD_LETTERS) && key.equals(r.key())));
        assertThat(letter.path("reason").asText()).isEqualTo(reason);
        assertThat(letter.path("detail").asText()).isNotBlank();
        assertThat(letter.path("topic").asText()).isEqualTo(Topics.PERSISTENCE_COMMANDS);
        assertThat(letter.path("payload").asText().length()).isLessThanOrEqualTo(4096);

        if (message.contains("\"c-" + key + "\"")) {
            // It named a usable commandId: the asker is told at once instead of waiting for a timeout.
            JsonNode answer = CommandChannel.tree(channel.await(r -> r.topic().equals(Topics.PERSISTENCE_RESULTS)
                    && ("c-" + key).equals(r.key())));
            assertThat(answer.path("status").asText()).isEqualTo("INVALID");
            assertThat(answer.path("errors").get(0).path("code").asText()).isEqualTo("MALFORMED_COMMAND");
        }

        PersistenceResult next = channel.execute(CommandChannel.command(CommandType.SAVE_CONFIG, "alice",
                UUID.randomUUID().toString(), null, new SaveConfigPayload("After " + reason, ArenaConfig.defaults())));
        assertThat(next.status()).isEqualTo(ResultStatus.OK);
        RestAssured.given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("arena_persistence_dead_letters_total{reason=\"" + reason + "\"}"));
    }

    /** A rolling upgrade: a newer engine's command, of the next minor version and with a field this reader does not know. */
    @Test
    void aCommandOfTheNextMinorVersionWithAnExtraFieldIsApplied() {
        PersistenceCommand command = CommandChannel.command(CommandType.SAVE_CONFIG, "alice", UUID.randomUUID().toString(),
                null, new SaveConfigPayload("From the next version", ArenaConfig.defaults()));
        ObjectNode next = (ObjectNode) Json.toTree(command);
        next.put("schemaMinor", 7).put("priority", "high");
        channel.sendRaw(command.key(), Json.write(next));

        JsonNode answer = CommandChannel.tree(channel.await(r -> r.topic().equals(Topics.PERSISTENCE_RESULTS)
                && command.commandId().equals(r.key())));
        assertThat(answer.path("status").asText()).isEqualTo("OK");
        assertThat(answer.path("entity").path("name").asText()).isEqualTo("From the next version");
    }
}
