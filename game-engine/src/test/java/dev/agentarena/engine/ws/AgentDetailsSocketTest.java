package dev.agentarena.engine.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.testing.KafkaTestResource;
import dev.agentarena.testing.WsTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** watch_agent streams one agent's details to the watching connection, and says when the agent is gone. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class AgentDetailsSocketTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TestHTTPResource("/ws/worlds/default")
    URI defaultWorld;

    private final String worldId = "watch-" + UUID.randomUUID().toString().substring(0, 8);
    private WsTestClient admin;
    private WsTestClient watcher;
    private WsTestClient other;

    @BeforeEach
    void connect() {
        admin = WsTestClient.connect(url("default"));
        admin.awaitType("welcome", WAIT);
        admin.send("{\"type\":\"create_world\",\"requestId\":\"c1\",\"worldId\":\"" + worldId + "\"}");
        admin.awaitType("world_created", WAIT);
        watcher = WsTestClient.connect(url(worldId));
        other = WsTestClient.connect(url(worldId));
        watcher.awaitType("welcome", WAIT);
        other.awaitType("welcome", WAIT);
    }

    @AfterEach
    void disconnect() {
        watcher.close();
        other.close();
        admin.send("{\"type\":\"delete_world\",\"worldId\":\"" + worldId + "\"}");
        admin.close();
    }

    @Test
    void aWatchedAgentsDetailsFlowAFewTimesASecondToTheWatcherOnlyUntilStopped() {
        watcher.send("{\"type\":\"watch_agent\",\"requestId\":\"w1\",\"agentId\":3}");
        JsonNode watched = watcher.awaitType("agent_watched", WAIT);
        assertThat(watched.path("requestId").asText()).isEqualTo("w1");
        assertThat(watched.path("agentId").asLong()).isEqualTo(3);

        List<JsonNode> details = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            details.add(watcher.awaitType("agent_details", WAIT));
        }
        JsonNode first = details.get(0);
        assertThat(first.path("worldId").asText()).isEqualTo(worldId);
        assertThat(first.path("agentId").asLong()).isEqualTo(3);
        assertThat(first.path("gone").asBoolean()).isFalse();
        assertThat(first.path("team").isInt()).isTrue();
        assertThat(first.path("maxHealth").asDouble()).isPositive();
        assertThat(first.path("health").asDouble()).isBetween(0.0, first.path("maxHealth").asDouble());
        assertThat(first.path("behavior").asText()).isEqualTo("default");
        assertThat(first.path("rule").asText()).isNotBlank();
        for (String stat : List.of("kills", "deaths", "damageDealt", "damageTaken", "lifetime", "x", "y")) {
            assertThat(first.path(stat).isNumber()).as(stat).isTrue();
        }
        // At 60 ticks/s and 4 details/s, consecutive details are about 15 ticks apart: never one per snapshot (3).
        for (int i = 1; i < details.size(); i++) {
            long apart = details.get(i).path("tick").asLong() - details.get(i - 1).path("tick").asLong();
            assertThat(apart).isGreaterThanOrEqualTo(10);
        }

        watcher.send("{\"type\":\"watch_agent\",\"requestId\":\"w2\",\"agentId\":null}");
        assertThat(watcher.awaitType("agent_watched", WAIT).path("agentId").isNull()).isTrue();
        int stoppedAt = watcher.history().size();
        // Two rounds of another connection's request and reply give any details still on their way time to arrive.
        for (int i = 0; i < 2; i++) {
            watcher.send("{\"type\":\"list_worlds\",\"requestId\":\"l" + i + "\"}");
            watcher.awaitType("world_list", WAIT);
        }
        watcher.await(m -> "state".equals(m.path("type").asText()), WAIT);
        assertThat(watcher.history().subList(stoppedAt, watcher.history().size()))
                .noneMatch(m -> "agent_details".equals(m.path("type").asText()));
        assertThat(other.history()).noneMatch(m -> m.path("type").asText().startsWith("agent_"));
    }

    @Test
    void anUnknownAgentIsGoneAtOnceAndAWatchedOneIsGoneAfterTheWorldIsReset() {
        watcher.send("{\"type\":\"watch_agent\",\"requestId\":\"w3\",\"agentId\":987654}");
        watcher.awaitType("agent_watched", WAIT);
        JsonNode unknown = watcher.awaitType("agent_details", WAIT);
        assertThat(unknown.path("agentId").asLong()).isEqualTo(987654);
        assertThat(unknown.path("gone").asBoolean()).isTrue();
        assertThat(unknown.path("team").isNull()).isTrue();

        watcher.send("{\"type\":\"watch_agent\",\"requestId\":\"w4\",\"agentId\":2}");
        watcher.awaitType("agent_watched", WAIT);
        assertThat(watcher.awaitType("agent_details", WAIT).path("gone").asBoolean()).isFalse();
        watcher.send("{\"type\":\"reset\"}");
        // Ids start over in the rebuilt world: its agent 2 is another agent, so the watched one is gone.
        JsonNode gone = watcher.await(m -> "agent_details".equals(m.path("type").asText()) && m.path("gone").asBoolean(), WAIT);
        assertThat(gone.path("agentId").asLong()).isEqualTo(2);

        watcher.send("{\"type\":\"watch_agent\",\"requestId\":\"w5\",\"agentId\":\"two\"}");
        JsonNode refused = watcher.awaitType("error", WAIT);
        assertThat(refused.path("requestId").asText()).isEqualTo("w5");
        assertThat(refused.path("code").asText()).isEqualTo("BAD_MESSAGE");
    }

    private String url(String world) {
        return defaultWorld.toString().replaceFirst("^http", "ws").replace("/default", "/" + world);
    }
}
