package dev.agentarena.engine.health;

import dev.agentarena.contracts.kafka.Topics;
import dev.agentarena.testing.DashboardMetrics;
import dev.agentarena.testing.KafkaTestClient;
import dev.agentarena.testing.KafkaTestResource;
import dev.agentarena.testing.Polling;
import dev.agentarena.testing.WsTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

/**
 * Every engine metric the Grafana dashboard and the alerts query exists in a running engine's /q/metrics (after a
 * client has connected and sent a message, and an unreadable Kafka record was skipped, which is what some meters
 * wait for), and the liveness names the world loops.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class DashboardMetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TestHTTPResource("/ws/worlds/default")
    URI world;

    @Test
    void theDashboardsEngineMetricsAreAllExposed() {
        Set<String> expected = DashboardMetrics.of("game-engine");
        assertThat(expected).contains("arena_engine_world_tick_seconds_bucket", "arena_engine_clients_connected");
        assertThat(DashboardMetrics.unowned()).isEmpty();
        try (WsTestClient client = WsTestClient.connect(world.toString().replaceFirst("^http", "ws"));
             KafkaTestClient kafka = new KafkaTestClient(Topics.LLM_EVENTS)) {
            client.awaitType("welcome", WAIT);
            client.send("{\"type\":\"list_configs\",\"requestId\":\"m1\"}");
            client.awaitType("config_list", WAIT);
            // The dead-letters alert counts skipped records: one unreadable copilot event makes that counter exist.
            kafka.send(Topics.LLM_EVENTS, "m1", "{not json");

            assertThat(awaitExposed(expected)).isEmpty();
        }
    }

    @Test
    void livenessReportsTheWorldLoops() {
        RestAssured.given().when().get("/q/health/live").then().statusCode(200)
                .body("checks.name", hasItem("world-loops"));
    }

    /** Kafka's client metrics appear once its consumers have fetched: what is still missing when all are there or time is up. */
    private static Set<String> awaitExposed(Set<String> expected) {
        return Polling.until(() -> DashboardMetrics.missingFrom(RestAssured.get("/q/metrics").asString(), expected),
                Set::isEmpty, WAIT);
    }
}
