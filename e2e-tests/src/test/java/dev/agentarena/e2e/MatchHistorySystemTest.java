package dev.agentarena.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.agentarena.local.Stack;
import dev.agentarena.testing.Polling;
import dev.agentarena.testing.SignedInUser;
import dev.agentarena.testing.WsTestClient;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Match history through every real hop: a world's rounds end in the engine, their results cross Kafka, the
 * persistence service stores each exactly once in MongoDB, and list_matches reads them back over the WebSocket.
 */
class MatchHistorySystemTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String WORLD = "rounds-e2e";
    private static Stack stack;

    @BeforeAll
    static void startStack() throws Exception {
        stack = TestStack.start(TestStack.repoRoot(), "matches");
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyRoundThatEndsIsStoredOnceAndListedNewestFirstOverTheWebSocket() {
        // Only a signed-in user stores a config; anyone may watch the world and read its history.
        SignedInUser organizer = SignedInUser.signIn(TestStack.worldUrl(stack, "default"), "Match Organizer");
        try (WsTestClient admin = WsTestClient.connect(TestStack.worldUrl(stack, "default"), organizer.bearer());
             MongoClient mongo = MongoClients.create(stack.mongoUri())) {
            admin.awaitType("welcome", WAIT);
            admin.send("{\"type\":\"save_config\",\"requestId\":\"s1\",\"config\":{\"name\":\"Ten-second rounds\","
                    + "\"settings\":{\"roundTime\":10,\"teamSize\":2}}}");
            JsonNode config = admin.awaitType("config_saved", WAIT).path("config");
            admin.send("{\"type\":\"create_world\",\"requestId\":\"c1\",\"worldId\":\"" + WORLD + "\",\"configId\":\""
                    + config.path("id").asText() + "\"}");
            admin.awaitType("world_created", WAIT);
            MongoCollection<Document> matches = mongo.getDatabase("agent_game").getCollection("matches");

            try (WsTestClient viewer = WsTestClient.connect(TestStack.worldUrl(stack, WORLD))) {
                viewer.awaitType("welcome", WAIT);
                Polling.until(() -> matches.countDocuments(Filters.eq("worldId", WORLD)), stored -> stored >= 2,
                        Duration.ofSeconds(60));
                viewer.send("{\"type\":\"pause\"}");
                // Once the pause is applied no round ends any more: the world's round number says how many ended.
                JsonNode paused = Polling.until(() -> worldInfo(viewer), info -> !info.path("running").asBoolean(), WAIT);
                assertThat(paused.path("running").asBoolean()).isFalse();
                long ended = paused.path("round").asLong() - 1;
                assertThat(ended).isGreaterThanOrEqualTo(2);
                Polling.until(() -> matches.countDocuments(Filters.eq("worldId", WORLD)), stored -> stored >= ended, WAIT);

                viewer.send("{\"type\":\"list_matches\",\"requestId\":\"m1\",\"worldId\":\"" + WORLD + "\",\"limit\":1}");
                JsonNode first = viewer.awaitType("match_list", WAIT);
                assertThat(first.path("requestId").asText()).isEqualTo("m1");
                JsonNode newest = first.path("matches").get(0);
                assertThat(first.path("matches").size()).isEqualTo(1);
                assertThat(newest.path("worldId").asText()).isEqualTo(WORLD);
                assertThat(newest.path("configId").asText()).isEqualTo(config.path("id").asText());
                assertThat(newest.path("configVersion").asLong()).isEqualTo(config.path("version").asLong());
                assertThat(newest.path("teams").size()).isEqualTo(2);
                assertThat(newest.path("agents").size()).isEqualTo(4);
                assertThat(first.path("nextCursor").isTextual()).isTrue();

                viewer.send("{\"type\":\"list_matches\",\"requestId\":\"m2\",\"worldId\":\"" + WORLD + "\",\"limit\":1,"
                        + "\"before\":\"" + first.path("nextCursor").asText() + "\"}");
                JsonNode older = viewer.awaitType("match_list", WAIT).path("matches").get(0);
                assertThat(older.path("eventId").asText()).isNotEqualTo(newest.path("eventId").asText());
                assertThat(Instant.parse(older.path("endedAt").asText()))
                        .isBeforeOrEqualTo(Instant.parse(newest.path("endedAt").asText()));

                // One document per round that ended, and no more: a redelivery or a second publication would add one.
                assertThat(matches.countDocuments(Filters.eq("worldId", WORLD))).isEqualTo(ended);
            } finally {
                admin.send("{\"type\":\"delete_world\",\"worldId\":\"" + WORLD + "\"}");
            }
        }
    }

    private static JsonNode worldInfo(WsTestClient client) {
        client.send("{\"type\":\"list_worlds\",\"requestId\":\"w\"}");
        JsonNode list = client.awaitType("world_list", WAIT);
        for (JsonNode world : list.path("worlds")) {
            if (WORLD.equals(world.path("id").asText())) {
                return world;
            }
        }
        throw new AssertionError("world " + WORLD + " is not listed: " + list);
    }
}
