package dev.agentarena.engine.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.simulation.scenario.ScenarioLibrary;
import dev.agentarena.testing.KafkaTestResource;
import dev.agentarena.testing.WsTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** list_scenarios and run_scenario over the WebSocket: the library; a result with verdicts and a trace to the asker, typed errors otherwise. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class ScenarioSocketTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/ws/worlds/default")
    URI defaultWorld;

    @Test
    void aLibraryScenarioIsRunAndAnsweredWithItsVerdictsAndTrace() {
        try (WsTestClient client = WsTestClient.connect(ws(defaultWorld))) {
            client.awaitType("welcome", WAIT);
            client.send("{\"type\":\"run_scenario\",\"requestId\":\"s1\",\"scenario\":" + ScenarioLibrary.json("flee-when-weak") + "}");
            JsonNode result = client.awaitType("scenario_result", WAIT);
            assertThat(result.path("requestId").asText()).isEqualTo("s1");
            assertThat(result.path("passed").asBoolean()).isTrue();
            assertThat(result.path("ticks").asLong()).isEqualTo(600);
            assertThat(result.path("expectations").get(0).path("type").asText()).isEqualTo("distance");
            assertThat(result.path("expectations").get(0).path("measured").asDouble()).isGreaterThanOrEqualTo(60);
            assertThat(result.path("trace").path("agents").size()).isEqualTo(2);
            assertThat(result.path("trace").path("samples").size()).isEqualTo(61);
        }
    }

    @Test
    void anInvalidScenarioIsAnsweredWithItsProblemsAtTheirPointers() {
        try (WsTestClient client = WsTestClient.connect(ws(defaultWorld))) {
            client.awaitType("welcome", WAIT);
            client.send("{\"type\":\"run_scenario\",\"requestId\":\"s2\",\"scenario\":{\"name\":\"x\",\"ticks\":99999,"
                    + "\"agents\":[{\"name\":\"a\",\"team\":0,\"position\":[400,300],\"behavior\":\"nope\"}]}}");
            JsonNode error = client.awaitType("error", WAIT);
            assertThat(error.path("requestId").asText()).isEqualTo("s2");
            assertThat(error.path("code").asText()).isEqualTo("INVALID_SCENARIO");
            assertThat(error.path("errors").findValuesAsText("path")).contains("/ticks");
            client.send("{\"type\":\"run_scenario\",\"requestId\":\"s3\"}");
            assertThat(client.awaitType("error", WAIT).path("code").asText()).isEqualTo("BAD_MESSAGE");
        }
    }

    @Test
    void theLibraryIsListedWithDocumentsTheirBehaviorsAndArenas() {
        try (WsTestClient client = WsTestClient.connect(ws(defaultWorld))) {
            client.awaitType("welcome", WAIT);
            client.send("{\"type\":\"list_scenarios\",\"requestId\":\"l1\"}");
            JsonNode list = client.awaitType("scenario_list", WAIT);
            assertThat(list.path("requestId").asText()).isEqualTo("l1");
            assertThat(list.path("scenarios").findValuesAsText("id")).containsExactlyElementsOf(ScenarioLibrary.IDS);
            JsonNode flee = list.path("scenarios").get(0);
            assertThat(flee.path("behavior").asText()).isEqualTo("flee");
            assertThat(flee.path("description").asText()).contains("flee");
            assertThat(flee.path("document")).isEqualTo(Json.tree(ScenarioLibrary.json("flee-when-weak")));
            assertThat(flee.path("arena").path("width").asDouble()).isPositive();
            assertThat(flee.path("arena").path("walls").size()).isZero(); // the open layout
            assertThat(flee.path("arena").path("ticksPerSecond").asInt()).isEqualTo(60); // the rate its trace plays back at
            JsonNode fortress = list.path("scenarios").get(3).path("arena");
            assertThat(fortress.path("width").asDouble()).isEqualTo(400);
            assertThat(fortress.path("walls").size()).isPositive();
        }
    }

    private static String ws(URI http) {
        return http.toString().replaceFirst("^http", "ws");
    }
}
