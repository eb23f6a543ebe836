package dev.agentarena.gateway;

import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.kafka.Topics;
import dev.agentarena.contracts.messages.LlmEvent;
import dev.agentarena.contracts.messages.LlmRequest;
import dev.agentarena.contracts.messages.LlmStage;
import dev.agentarena.testing.KafkaTestClient;
import dev.agentarena.testing.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class CopilotFlowTest {

    private KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(Topics.LLM_EVENTS);
        RestAssured.given().when().get("/q/health/ready").then().statusCode(200);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void aRequestGetsProgressThenOneLabelledOfflineAnswer() {
        List<LlmEvent> events = ask("make my team aggressive");
        assertThat(events).extracting(LlmEvent::stage).containsExactly(LlmStage.THINKING, LlmStage.DONE);
        LlmEvent done = events.get(1);
        assertThat(done.offline()).isTrue();
        assertThat(done.provider()).isEqualTo("offline");
        assertThat(done.text()).startsWith("[offline answer").contains("make my team aggressive");
    }

    @Test
    void anEmptyOrOversizedQueryFailsWithAReason() {
        List<LlmEvent> empty = ask("   ");
        assertThat(empty).extracting(LlmEvent::stage).containsExactly(LlmStage.FAILED);
        assertThat(empty.get(0).text()).contains("empty");
        List<LlmEvent> huge = ask("x".repeat(5000));
        assertThat(huge.get(0).stage()).isEqualTo(LlmStage.FAILED);
        assertThat(huge.get(0).text()).contains("longer than 4000");
    }

    @Test
    void malformedRequestsAreSkippedAndCounted() {
        kafka.send(Topics.LLM_REQUESTS, "junk", "{\"requestId\": 5, \"oops\": true}");
        assertThat(ask("still there?")).extracting(LlmEvent::stage).endsWith(LlmStage.DONE);
        RestAssured.given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("arena_gateway_requests_total{outcome=\"malformed\""));
    }

    private List<LlmEvent> ask(String query) {
        String id = UUID.randomUUID().toString();
        LlmRequest request = new LlmRequest(1, id, "default_user", "default", query, null, null, Instant.now());
        kafka.send(Topics.LLM_REQUESTS, id, Json.write(request));
        List<ConsumerRecord<String, String>> seen = kafka.awaitRecord(r -> id.equals(r.key())
                && Json.read(r.value(), LlmEvent.class).stage().isFinal(), Duration.ofSeconds(20));
        return seen.stream().filter(r -> id.equals(r.key())).map(r -> Json.read(r.value(), LlmEvent.class)).toList();
    }
}
