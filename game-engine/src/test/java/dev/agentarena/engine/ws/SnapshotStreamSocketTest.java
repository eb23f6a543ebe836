package dev.agentarena.engine.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.testing.KafkaTestResource;
import dev.agentarena.testing.WsTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The binary snapshot stream over a real socket, read with the tests' own decoder. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class SnapshotStreamSocketTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TestHTTPResource("/ws/worlds/default")
    URI defaultWorld;

    @Test
    void aViewerGetsAKeyframeThenDeltasAndMayAskForAViewportAndAKeyframe() {
        try (WsTestClient client = WsTestClient.connect(ws(defaultWorld))) {
            client.awaitType("welcome", WAIT);
            JsonNode first = client.awaitType("state", WAIT);
            assertThat(first.path("frame").asText()).isEqualTo("keyframe");
            assertThat(first.path("world").path("walls").size()).isPositive();
            JsonNode delta = client.await(m -> "delta".equals(m.path("frame").asText()), WAIT);
            assertThat(delta.path("world").path("agents").size()).isEqualTo(10);
            assertThat(delta.path("bytes").asInt()).isLessThan(first.path("bytes").asInt());

            client.send("{\"type\":\"viewport\",\"requestId\":\"v1\",\"x\":0,\"y\":0,\"w\":100,\"h\":100}");
            JsonNode set = client.awaitType("viewport_set", WAIT);
            assertThat(set.path("requestId").asText()).isEqualTo("v1");
            assertThat(set.path("viewport").path("width").asDouble()).isEqualTo(100);
            JsonNode viewed = client.await(m -> m.path("world").path("viewport").asBoolean(), WAIT);
            viewed.path("world").path("agents").forEach(agent -> {
                assertThat(agent.path("x").asDouble()).isLessThanOrEqualTo(150 + 1);
                assertThat(agent.path("y").asDouble()).isLessThanOrEqualTo(150 + 1);
            });
            int outsideAndVisible = 0;
            int alive = 0;
            for (JsonNode team : viewed.path("world").path("teams")) {
                outsideAndVisible += team.path("outside").asInt();
                alive += team.path("alive").asInt();
            }
            for (JsonNode agent : viewed.path("world").path("agents")) {
                outsideAndVisible += agent.path("alive").asBoolean() ? 1 : 0;
            }
            assertThat(outsideAndVisible).as("living agents inside the view and counted outside it").isEqualTo(alive);

            client.send("{\"type\":\"viewport\",\"requestId\":\"v2\",\"x\":0,\"y\":0,\"w\":-5,\"h\":\"wide\"}");
            JsonNode refused = client.awaitType("error", WAIT);
            assertThat(refused.path("code").asText()).isEqualTo("BAD_MESSAGE");
            assertThat(refused.path("requestId").asText()).isEqualTo("v2");

            client.send("{\"type\":\"viewport\",\"requestId\":\"v3\",\"x\":0,\"y\":0,\"w\":-5,\"h\":10}");
            JsonNode negative = client.awaitType("error", WAIT);
            assertThat(negative.path("errors").findValuesAsText("path")).containsExactly("/w");

            client.send("{\"type\":\"viewport\",\"requestId\":\"v4\"}");
            assertThat(client.awaitType("viewport_set", WAIT).path("viewport").isNull()).isTrue();
            client.await(m -> "state".equals(m.path("type").asText()) && !m.path("world").path("viewport").asBoolean()
                    && m.path("world").path("agents").size() == 10, WAIT);

            client.send("{\"type\":\"request_keyframe\",\"requestId\":\"k1\"}");
            assertThat(client.awaitType("keyframe_requested", WAIT).path("requestId").asText()).isEqualTo("k1");
            client.await(m -> "keyframe".equals(m.path("frame").asText()), WAIT);
            assertThat(client.history()).noneMatch(m -> "undecodable_frame".equals(m.path("type").asText()));
        }
    }

    @Test
    void aJoinToAThousandAgentWorldTakesAtMostEightKilobytes() {
        try (WsTestClient admin = WsTestClient.connect(ws(defaultWorld))) {
            admin.awaitType("welcome", WAIT);
            admin.send("{\"type\":\"create_world\",\"requestId\":\"c1\",\"worldId\":\"thousand\"}");
            admin.awaitType("world_created", WAIT);
            try (WsTestClient filler = WsTestClient.connect(ws(defaultWorld).replace("/default", "/thousand"))) {
                filler.awaitType("welcome", WAIT);
                filler.send("{\"type\":\"add_agent\",\"requestId\":\"a1\",\"team\":0,\"count\":500}");
                filler.send("{\"type\":\"add_agent\",\"requestId\":\"a2\",\"team\":1,\"count\":490}");
                filler.await(m -> m.path("world").path("agents").size() == 1000, WAIT);
                try (WsTestClient joiner = WsTestClient.connect(ws(defaultWorld).replace("/default", "/thousand"))) {
                    JsonNode welcome = joiner.awaitType("welcome", WAIT);
                    JsonNode keyframe = joiner.awaitType("state", WAIT);
                    assertThat(keyframe.path("frame").asText()).isEqualTo("keyframe");
                    assertThat(keyframe.path("world").path("agents").size()).isEqualTo(1000);
                    int join = welcome.toString().getBytes(StandardCharsets.UTF_8).length + keyframe.path("bytes").asInt();
                    assertThat(join).isLessThanOrEqualTo(8 * 1024);
                }
            }
            admin.send("{\"type\":\"delete_world\",\"requestId\":\"d1\",\"worldId\":\"thousand\"}");
            admin.awaitType("world_deleted", WAIT);
        }
    }

    private static String ws(URI http) {
        return http.toString().replaceFirst("^http", "ws");
    }
}
