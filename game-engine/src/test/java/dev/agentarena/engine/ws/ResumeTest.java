package dev.agentarena.engine.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.kafka.Topics;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that loses its connection while a request is in flight reconnects, resumes with its token, gets a
 * keyframe and the answer that arrived while it was away. This test plays the persistence service.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class ResumeTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TestHTTPResource("/ws/worlds/default")
    URI world;

    @Test
    void anAnswerThatArrivedWhileAwayIsDeliveredOnResume() {
        try (KafkaTestClient kafka = new KafkaTestClient(Topics.PERSISTENCE_COMMANDS)) {
            TestUsers.SignedIn user = TestUsers.signIn(kafka, "resumer");
            String token;
            PersistenceCommand command;
            try (WsTestClient first = WsTestClient.connect(ws(), user.bearer())) {
                token = first.awaitType("welcome", WAIT).path("resumeToken").asText();
                assertThat(token).hasSizeGreaterThanOrEqualTo(22);
                first.send("{\"type\":\"save_config\",\"requestId\":\"away-1\",\"config\":{\"name\":\"While away\",\"settings\":{}}}");
                List<ConsumerRecord<String, String>> seen = kafka.awaitRecord(r -> r.value().contains("While away"), WAIT);
                command = Json.read(seen.get(seen.size() - 1).value(), PersistenceCommand.class);
            }
            SaveConfigPayload payload = Json.convert(command.payload(), SaveConfigPayload.class);
            ConfigRecord committed = new ConfigRecord(1, command.entityId(), command.userId(), payload.name(), false, 1,
                    Instant.now(), payload.settings());
            kafka.send(Topics.PERSISTENCE_RESULTS, command.commandId(),
                    Json.write(PersistenceResult.ok(command, Json.toTree(committed))));

            try (WsTestClient second = WsTestClient.connect(ws(), user.bearer())) {
                JsonNode welcome = second.awaitType("welcome", WAIT);
                assertThat(welcome.path("resumeToken").asText()).isNotEqualTo(token);
                second.send("{\"type\":\"start\"}");
                assertThat(second.awaitType("state", WAIT).path("frame").asText()).isEqualTo("keyframe");
                // Kept while away, or (when the result is still on its way from Kafka) forwarded after the resume:
                // either way it reaches the client that resumed.
                JsonNode resumed = resume(second, token);
                assertThat(resumed.path("type").asText()).isEqualTo("resumed");
                assertThat(resumed.path("missed").asInt()).isBetween(0, 1);
                JsonNode saved = second.awaitType("config_saved", WAIT);
                assertThat(saved.path("requestId").asText()).isEqualTo("away-1");
                assertThat(saved.path("config").path("id").asText()).isEqualTo(command.entityId());

                // A token works once.
                second.send("{\"type\":\"resume\",\"requestId\":\"again\",\"resumeToken\":\"" + token + "\"}");
                JsonNode refused = second.await(m -> "again".equals(m.path("requestId").asText()), WAIT);
                assertThat(refused.path("code").asText()).isEqualTo("NOT_FOUND");
            }
        }
    }

    @Test
    void anUnknownTokenIsRefusedWithItsRequestId() {
        try (WsTestClient client = WsTestClient.connect(ws())) {
            client.awaitType("welcome", WAIT);
            client.send("{\"type\":\"resume\",\"requestId\":\"x1\",\"resumeToken\":\"not-a-token\"}");
            JsonNode refused = client.await(m -> "x1".equals(m.path("requestId").asText()), WAIT);
            assertThat(refused.path("type").asText()).isEqualTo("error");
            assertThat(refused.path("code").asText()).isEqualTo("NOT_FOUND");
        }
    }

    /** Resumes after a pause that lets the result reach the detached session first (the usual case). */
    private JsonNode resume(WsTestClient client, String token) {
        sleep(Duration.ofSeconds(2));
        client.send("{\"type\":\"resume\",\"requestId\":\"back\",\"resumeToken\":\"" + token + "\"}");
        return client.await(m -> "back".equals(m.path("requestId").asText()), WAIT);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private String ws() {
        return world.toString().replaceFirst("^http", "ws");
    }
}
