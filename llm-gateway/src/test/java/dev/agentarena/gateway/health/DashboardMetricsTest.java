package dev.agentarena.gateway.health;

import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.kafka.Topics;
import dev.agentarena.contracts.messages.LlmRequest;
import dev.agentarena.contracts.messages.MessageSchema;
import dev.agentarena.testing.DashboardMetrics;
import dev.agentarena.testing.KafkaTestClient;
import dev.agentarena.testing.KafkaTestResource;
import dev.agentarena.testing.Polling;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every gateway metric the Grafana dashboard queries exists in /q/metrics once a request has been handled. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class DashboardMetricsTest {

    @Test
    void theDashboardsGatewayMetricsAreAllExposed() {
        Set<String> expected = DashboardMetrics.of("llm-gateway");
        assertThat(expected).contains("arena_gateway_requests_total", "arena_gateway_latency_seconds_bucket",
                "arena_gateway_tokens_total", "arena_gateway_circuit_open");
        RestAssured.given().when().get("/q/health/ready").then().statusCode(200);
        try (KafkaTestClient kafka = new KafkaTestClient(Topics.LLM_EVENTS)) {
            kafka.send(Topics.LLM_REQUESTS, "m1", "{not json");
            // A request answered (offline) records its latency and tokens too.
            kafka.send(Topics.LLM_REQUESTS, "m2", Json.write(new LlmRequest(MessageSchema.CURRENT, "m2", "metrics-user",
                    "default", "flee when weak", null, null, Instant.now())));
            kafka.awaitRecord(r -> "m2".equals(r.key()) && r.value().contains("\"DONE\""), Duration.ofSeconds(30));
        }

        // The request is handled asynchronously: its counter appears once the consumer has read it.
        Set<String> missing = Polling.until(() -> DashboardMetrics.missingFrom(RestAssured.get("/q/metrics").asString(), expected),
                Set::isEmpty, Duration.ofSeconds(20));
        assertThat(missing).isEmpty();
    }
}
