package dev.agentarena.engine.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.kafka.Topics;
import dev.agentarena.contracts.messages.CommandType;
import dev.agentarena.contracts.messages.ConfigRecord;
import dev.agentarena.contracts.messages.PersistenceCommand;
import dev.agentarena.contracts.messages.PersistenceResult;
import dev.agentarena.contracts.messages.SaveConfigPayload;
import dev.agentarena.testing.KafkaTestClient;
import dev.agentarena.testing.KafkaTestResource;
import dev.agentarena.testing.Polling;
import dev.agentarena.testing.WsTestClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.equalTo;

/**
 * Fail fast, end to end over a real broker with the production deadlines (10 s per command, 5 s of silence): while
 * the persistence service (played by this test) answers nothing, saves wait; once it has been silent for 5 s new saves
 * are answered UNAVAILABLE at once, without reaching Kafka, while watching goes on and the engine stays ready; the next
 * result turns it back. Both states show in the metrics and in the {@code persistence} health group.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@TestProfile(FailFastTest.ProductionDeadlines.class)
class FailFastTest {

    /** The deadlines of a real deployment (the test profile shortens the reply timeout below the silence). */
    public static class ProductionDeadlines implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("arena.engine.reply-timeout", "10s", "arena.engine.persistence-silence", "5s");
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String HEALTH = "/q/health/group/persistence";

    @TestHTTPResource("/ws/worlds/default")
    URI world;

    @Inject
    MeterRegistry meters;

    private KafkaTestClient kafka;
    private WsTestClient client;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(Topics.PERSISTENCE_COMMANDS);
        client = WsTestClient.connect(world.toString().replaceFirst("^http", "ws"), TestUsers.signIn(kafka, "patient").bearer());
        client.awaitType("welcome", WAIT);
    }

    @AfterEach
    void disconnect() {
        client.close();
        kafka.close();
    }

    @Test
    void silenceOf5sTurnsNewCommandsIntoAnImmediateUnavailableAndTheNextResultTurnsItBack() throws Exception {
        double unavailableBefore = changes("UNAVAILABLE");
        double availableBefore = changes("AVAILABLE");
        RestAssured.given().get(HEALTH).then().statusCode(200);

        long firstSentAt = System.nanoTime();
        client.send(save("s1"));
        PersistenceCommand first = awaitSave("s1", WAIT);
        Thread.sleep(1000);
        client.send(save("s2"));
        PersistenceCommand second = awaitSave("s2", WAIT);
        assertThat(client.history()).as("both saves wait").noneMatch(m -> "error".equals(m.path("type").asText()));

        int downStatus = Polling.until(() -> RestAssured.given().get(HEALTH).statusCode(), status -> status == 503, WAIT);
        double silentFor = (System.nanoTime() - firstSentAt) / 1e9;
        assertThat(downStatus).as("the persistence health group once silent").isEqualTo(503);
        assertThat(silentFor).as("seconds of silence before failing fast").isBetween(5.0, 7.0);
        RestAssured.given().get(HEALTH).then().body("status", equalTo("DOWN"))
                .body("checks[0].name", equalTo("persistence-commands"));
        // Watchers need no persistence: the engine stays in service.
        RestAssured.given().get("/q/health/ready").then().statusCode(200);
        RestAssured.given().get("/q/health/live").then().statusCode(200);
        assertThat(meters.get("arena.engine.persistence.available").gauge().value()).isZero();
        assertThat(changes("UNAVAILABLE")).isEqualTo(unavailableBefore + 1);

        long refusedAt = System.nanoTime();
        client.send(save("s3"));
        JsonNode refused = client.await(m -> "s3".equals(m.path("requestId").asText()), WAIT);
        double refusedAfterMs = (System.nanoTime() - refusedAt) / 1e6;
        assertThat(refused.path("code").asText()).isEqualTo("UNAVAILABLE");
        assertThat(refusedAfterMs).as("milliseconds to the UNAVAILABLE").isLessThan(1000);
        assertThat(catchThrowable(() -> awaitSave("s3", Duration.ofSeconds(1))))
                .as("a refused save never reaches Kafka").isInstanceOf(AssertionError.class);
        client.send("{\"type\":\"list_configs\",\"requestId\":\"read\"}");
        assertThat(client.awaitType("config_list", WAIT).path("requestId").asText()).isEqualTo("read");
        assertThat(client.awaitType("state", WAIT).path("type").asText()).as("the world still streams").isEqualTo("state");

        // Results flow again: the waiting save gets its answer and new saves go through. On a loaded machine the
        // steps above may outlast the reply timeout, and the answer then comes marked late after a TIMEOUT.
        answer(first);
        JsonNode saved = client.await(m -> "s1".equals(m.path("requestId").asText()) && "config_saved".equals(m.path("type").asText()), WAIT);
        assertThat(saved.path("config").path("name").asText()).isEqualTo("s1");
        RestAssured.given().get(HEALTH).then().statusCode(200);
        assertThat(meters.get("arena.engine.persistence.available").gauge().value()).isEqualTo(1);
        assertThat(changes("AVAILABLE")).isEqualTo(availableBefore + 1);
        answer(second);
        client.send(save("s4"));
        answer(awaitSave("s4", WAIT));
        assertThat(client.await(m -> "s4".equals(m.path("requestId").asText()), WAIT).path("type").asText())
                .isEqualTo("config_saved");
        System.out.printf("[fail-fast] UNAVAILABLE after %.1f s of silence; a save then refused in %.0f ms%n", silentFor,
                refusedAfterMs);
    }

    private double changes(String state) {
        Counter counter = meters.find("arena.engine.persistence.availability.changes").tag("state", state).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String save(String name) {
        return "{\"type\":\"save_config\",\"requestId\":\"" + name + "\",\"config\":{\"name\":\"" + name + "\",\"settings\":{}}}";
    }

    private PersistenceCommand awaitSave(String name, Duration timeout) {
        List<ConsumerRecord<String, String>> seen = kafka.awaitRecord(r -> {
            PersistenceCommand command = Json.read(r.value(), PersistenceCommand.class);
            return command.type() == CommandType.SAVE_CONFIG
                    && name.equals(Json.convert(command.payload(), SaveConfigPayload.class).name());
        }, timeout);
        return Json.read(seen.get(seen.size() - 1).value(), PersistenceCommand.class);
    }

    /** Commits a save as the persistence service would. */
    private void answer(PersistenceCommand save) {
        SaveConfigPayload payload = Json.convert(save.payload(), SaveConfigPayload.class);
        ConfigRecord committed = new ConfigRecord(1, save.entityId(), save.userId(), payload.name(), false, 1,
                Instant.now(), payload.settings());
        kafka.send(Topics.PERSISTENCE_RESULTS, save.commandId(), Json.write(PersistenceResult.ok(save, Json.toTree(committed))));
    }
}
