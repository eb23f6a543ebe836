package dev.agentarena.gateway.health;

import dev.agentarena.testing.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's readiness depends on Kafka only, never on the LLM provider: a provider outage must fail requests
 * (a circuit), not take the gateway out of its Service or restart it.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class ReadinessTest {

    @Test
    void readinessChecksKafkaAndNothingElse() {
        JsonPath ready = RestAssured.given().when().get("/q/health/ready").then().statusCode(200).extract().jsonPath();

        assertThat(ready.getString("status")).isEqualTo("UP");
        assertThat(ready.getList("checks.name", String.class)).containsOnly("SmallRye Reactive Messaging - readiness check");
    }
}
