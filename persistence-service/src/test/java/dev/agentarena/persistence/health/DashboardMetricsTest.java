package dev.agentarena.persistence.health;

import dev.agentarena.contracts.kafka.Topics;
import dev.agentarena.testing.DashboardMetrics;
import dev.agentarena.testing.KafkaTestClient;
import dev.agentarena.testing.KafkaTestResource;
import dev.agentarena.testing.MongoTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every persistence metric the Grafana dashboard and the alerts query exists in /q/metrics once a command has been answered. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
class DashboardMetricsTest {

    @Test
    void theDashboardsPersistenceMetricsAreAllExposed() {
        Set<String> expected = DashboardMetrics.of("persistence-service");
        assertThat(expected).contains("arena_persistence_commands_total", "arena_persistence_command_apply_seconds_bucket",
                "arena_persistence_dead_letters_total", "arena_persistence_store_reachable");
        RestAssured.given().when().get("/q/health/ready").then().statusCode(200);
        try (KafkaTestClient kafka = new KafkaTestClient(Topics.PERSISTENCE_RESULTS)) {
            // The cheapest command there is: one that names itself but is not readable, answered INVALID and dead-lettered.
            kafka.send(Topics.PERSISTENCE_COMMANDS, "m1", "{\"commandId\":\"metrics-1\",\"schema\":99}");
            kafka.awaitRecord(r -> "metrics-1".equals(r.key()), Duration.ofSeconds(20));
        }

        assertThat(DashboardMetrics.missingFrom(RestAssured.get("/q/metrics").asString(), expected)).isEmpty();
    }
}
