package dev.agentarena.engine.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.contracts.FieldError;
import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.kafka.Topics;
import dev.agentarena.contracts.messages.CommandType;
import dev.agentarena.contracts.messages.ConfigRecord;
import dev.agentarena.contracts.messages.ListMatchesPayload;
import dev.agentarena.contracts.messages.MatchPage;
import dev.agentarena.contracts.messages.MatchResult;
import dev.agentarena.contracts.messages.MessageSchema;
import dev.agentarena.contracts.messages.PersistenceCommand;
import dev.agentarena.contracts.messages.PersistenceResult;
import dev.agentarena.contracts.messages.ResultStatus;
import dev.agentarena.testing.KafkaTestClient;
import dev.agentarena.testing.KafkaTestResource;
import dev.agentarena.testing.WsTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Match history against a real broker: a round's end is published on arena.world.events, and list_matches travels
 * as a LIST_MATCHES read; this test plays the persistence service.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class MatchHistorySocketTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TestHTTPResource("/ws/worlds/default")
    URI world;

    private KafkaTestClient kafka;
    private WsTestClient client;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(Topics.PERSISTENCE_COMMANDS, Topics.WORLD_EVENTS);
        client = WsTestClient.connect(world.toString().replaceFirst("^http", "ws"));
        client.awaitType("welcome", WAIT);
    }

    @AfterEach
    void disconnect() {
        client.close();
        kafka.close();
    }

    @Test
    void listMatchesIsAReadOverKafkaRelayedAsAMatchListWithItsCursor() {
        client.send("{\"type\":\"list_matches\",\"requestId\":\"m1\",\"worldId\":\"arena-7\",\"limit\":2}");
        PersistenceCommand read = nextCommand();
        assertThat(read.type()).isEqualTo(CommandType.LIST_MATCHES);
        assertThat(Json.convert(read.payload(), ListMatchesPayload.class))
                .isEqualTo(new ListMatchesPayload("arena-7", null, 2));
        MatchResult round = new MatchResult(MessageSchema.CURRENT, MatchResult.TYPE, "e-1", "arena-7", "default", 1,
                Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-01T10:01:00Z"), 1,
                List.of(new MatchResult.TeamResult(0, 1, 4, 0), new MatchResult.TeamResult(1, 4, 1, 3)),
                List.of(new MatchResult.AgentResult("7", 1, 2, 0, 55.5, 10.0, 60.0)));
        answer(PersistenceResult.ok(read, Json.toTree(new MatchPage(List.of(round), "cursor-2"))));

        JsonNode list = client.awaitType("match_list", WAIT);
        assertThat(list.path("requestId").asText()).isEqualTo("m1");
        assertThat(list.path("nextCursor").asText()).isEqualTo("cursor-2");
        JsonNode match = list.path("matches").get(0);
        assertThat(match.path("eventId").asText()).isEqualTo("e-1");
        assertThat(match.path("winnerTeam").asInt()).isEqualTo(1);
        assertThat(match.path("teams").get(1).path("survivors").asInt()).isEqualTo(3);
        assertThat(match.path("agents").get(0).path("damageDealt").asDouble()).isEqualTo(55.5);

        client.send("{\"type\":\"list_matches\",\"requestId\":\"m2\",\"before\":\"not-a-cursor\"}");
        PersistenceCommand second = nextCommand();
        assertThat(Json.convert(second.payload(), ListMatchesPayload.class))
                .isEqualTo(new ListMatchesPayload(null, "not-a-cursor", ListMatchesPayload.DEFAULT_LIMIT));
        answer(PersistenceResult.failed(second, ResultStatus.INVALID, "list_matches is not valid",
                List.of(new FieldError("/before", "BAD_CURSOR", "not a cursor from a previous page"))));
        JsonNode refused = client.awaitType("error", WAIT);
        assertThat(refused.path("requestId").asText()).isEqualTo("m2");
        assertThat(refused.path("code").asText()).isEqualTo("BAD_MESSAGE");
        assertThat(refused.path("errors").findValuesAsText("path")).containsExactly("/before");
    }

    @Test
    void aLimitAboveFiftyIsRefusedBeforeReachingKafka() {
        client.send("{\"type\":\"list_matches\",\"requestId\":\"m3\",\"limit\":51}");
        JsonNode refused = client.awaitType("error", WAIT);
        assertThat(refused.path("requestId").asText()).isEqualTo("m3");
        assertThat(refused.path("code").asText()).isEqualTo("BAD_MESSAGE");
        assertThat(refused.path("errors").findValuesAsText("path")).containsExactly("/limit");
        client.send("{\"type\":\"list_matches\",\"requestId\":\"m4\",\"limit\":\"many\"}");
        assertThat(client.awaitType("error", WAIT).path("code").asText()).isEqualTo("BAD_MESSAGE");
    }

    @Test
    void aRoundEndIsPublishedOnWorldEventsKeyedByItsWorldNamingItsStoredConfig() {
        String configId = "rounds-" + UUID.randomUUID();
        ArenaConfig settings = Json.read("{\"roundTime\": 10.0, \"teamSize\": 3}", ArenaConfig.class);
        kafka.send(Topics.CONFIGS, configId, Json.write(new ConfigRecord(MessageSchema.CURRENT, configId, "default_user",
                "Short rounds", false, 4, Instant.now(), settings)));
        String worldId = "rounds-" + UUID.randomUUID().toString().substring(0, 8);
        // The config reaches the engine's view through the changelog: ask until the world is made with it.
        JsonNode created = null;
        for (int attempt = 0; attempt < 50 && created == null; attempt++) {
            client.send("{\"type\":\"create_world\",\"requestId\":\"c" + attempt + "\",\"worldId\":\"" + worldId
                    + "\",\"configId\":\"" + configId + "\"}");
            JsonNode reply = client.await(m -> m.path("requestId").asText().startsWith("c"), WAIT);
            created = "world_created".equals(reply.path("type").asText()) ? reply : null;
        }
        assertThat(created).isNotNull();
        try (WsTestClient viewer = WsTestClient.connect(world.toString().replaceFirst("^http", "ws")
                .replace("/default", "/" + worldId))) {
            viewer.awaitType("welcome", WAIT);
            List<ConsumerRecord<String, String>> seen = kafka.awaitRecord(
                    r -> r.topic().equals(Topics.WORLD_EVENTS) && worldId.equals(r.key()), Duration.ofSeconds(30));
            MatchResult result = MessageSchema.read(seen.get(seen.size() - 1).value(), MatchResult.class);
            assertThat(result.type()).isEqualTo(MatchResult.TYPE);
            assertThat(result.worldId()).isEqualTo(worldId);
            assertThat(result.configId()).isEqualTo(configId);
            assertThat(result.configVersion()).isEqualTo(4);
            assertThat(result.eventId()).isNotBlank();
            assertThat(Duration.between(result.startedAt(), result.endedAt()).toMillis()).isBetween(9_000L, 20_000L);
            assertThat(result.teams()).hasSize(2);
            assertThat(result.agents()).hasSize(6);
        } finally {
            client.send("{\"type\":\"delete_world\",\"worldId\":\"" + worldId + "\"}");
        }
    }

    private PersistenceCommand nextCommand() {
        List<ConsumerRecord<String, String>> seen = kafka.awaitRecord(r -> r.topic().equals(Topics.PERSISTENCE_COMMANDS), WAIT);
        return Json.read(seen.get(seen.size() - 1).value(), PersistenceCommand.class);
    }

    private void answer(PersistenceResult result) {
        kafka.send(Topics.PERSISTENCE_RESULTS, result.commandId(), Json.write(result));
    }
}
