package dev.agentarena.engine.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.behavior.BuiltInBehaviors;
import dev.agentarena.behavior.Rule;
import dev.agentarena.behavior.SteerEntry;
import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.contracts.config.ConfigSchema;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.testing.KafkaTestResource;
import dev.agentarena.testing.WsTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the page builds its config form and behavior editor from, and where validation puts its diagnostics. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class SchemaSocketTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TestHTTPResource("/ws/worlds/default")
    URI world;

    @Test
    void theConfigSchemaListsEveryFieldWithMeaningUnitRangeDefaultAndWhenItApplies() {
        try (WsTestClient client = connect()) {
            client.send("{\"type\":\"get_config_schema\",\"requestId\":\"c1\"}");
            JsonNode reply = client.awaitType("config_schema", WAIT);
            assertThat(reply.path("requestId").asText()).isEqualTo("c1");
            List<String> names = reply.path("fields").findValuesAsText("name");
            assertThat(names).hasSize(ArenaConfig.class.getRecordComponents().length).startsWith("worldWidth", "worldHeight");
            JsonNode visual = reply.path("fields").get(names.indexOf("visualRange"));
            assertThat(visual.path("meaning").asText()).contains("awareness");
            assertThat(visual.path("unit").asText()).isEqualTo("units");
            assertThat(visual.path("min").asDouble()).isEqualTo(1);
            assertThat(visual.path("max").asDouble()).isEqualTo(2000);
            assertThat(visual.path("default").asDouble()).isEqualTo(ArenaConfig.defaults().visualRange());
            assertThat(visual.path("live").asBoolean()).isTrue();
            assertThat(visual.path("applies").asText()).isEqualTo("LIVE_WITHIN_GRID");
            JsonNode teams = reply.path("fields").get(names.indexOf("teamCount"));
            assertThat(teams.path("live").asBoolean()).isFalse();
            assertThat(teams.path("max").asInt()).isEqualTo(ConfigSchema.find("teamCount").orElseThrow().max().intValue());
        }
    }

    @Test
    void theBehaviorLanguageNamesVariablesFunctionsPrimitivesAndTargets() {
        try (WsTestClient client = connect()) {
            client.send("{\"type\":\"get_behavior_language\",\"requestId\":\"l1\"}");
            JsonNode language = client.awaitType("behavior_language", WAIT).path("language");
            assertThat(language.path("variables").findValuesAsText("name")).contains("self.health", "enemies.visual");
            assertThat(language.path("functions").toString()).contains("math.least");
            assertThat(language.path("primitives").findValuesAsText("id")).contains("seek", "avoid-walls");
            assertThat(language.path("targets").findValuesAsText("id")).contains("nearestEnemy", "home");
            assertThat(language.path("paramsPrefix").asText()).isEqualTo("params.");
            // The fields an editor highlights as CEL: the rule's and the steer entry's expression strings.
            List<String> expressions = Stream.of(Rule.class, SteerEntry.class).flatMap(type -> Arrays.stream(type.getRecordComponents()))
                    .filter(component -> component.getType() == String.class && !component.getName().equals("name"))
                    .map(RecordComponent::getName).toList();
            List<String> published = Stream.of(Json.mapper().convertValue(language.path("expressionFields"), String[].class)).toList();
            assertThat(published).containsExactlyInAnyOrderElementsOf(expressions).hasSize(3);
        }
    }

    @Test
    void theLimitsAreTheOnesTheEngineChecks() {
        try (WsTestClient client = connect()) {
            client.send("{\"type\":\"get_limits\",\"requestId\":\"m1\"}");
            JsonNode limits = client.awaitType("limits", WAIT).path("limits");
            JsonNode count = limits.path("addAgentCount");
            assertThat(count.path("min").asInt()).isEqualTo(1);
            assertThat(count.path("max").asInt()).isEqualTo(1000);
            client.send("{\"type\":\"add_agent\",\"requestId\":\"m2\",\"team\":0,\"count\":" + (count.path("max").asInt() + 1) + "}");
            assertThat(client.awaitType("error", WAIT).path("errors").get(0).path("path").asText()).isEqualTo("/count");

            String pattern = limits.path("worldId").path("pattern").asText();
            assertThat("arena-2_b").matches(pattern);
            assertThat("a".repeat(64)).matches(pattern);
            assertThat(List.of("a".repeat(65), "", "a b", "é", "a/b")).noneMatch(id -> id.matches(pattern));
            client.send("{\"type\":\"create_world\",\"requestId\":\"m3\",\"worldId\":\"a b\"}");
            JsonNode refused = client.awaitType("error", WAIT);
            assertThat(refused.path("code").asText()).isEqualTo("BAD_MESSAGE");
            assertThat(refused.path("message").asText()).contains(limits.path("worldId").path("description").asText());

            assertThat(limits.path("guest").path("can").asText()).contains("watch", "copilot");
            assertThat(limits.path("guest").path("cannot").asText()).contains("cannot save or delete", "POST /api/session");
        }
    }

    @Test
    void aBadConditionIsPlacedAtItsLineAndColumnInTheTextTheUserEdits() {
        String text = BuiltInBehaviors.json("wander").replace("\"condition\": \"true\"", "\"condition\": \"self.healthh > 0.5\"");
        try (WsTestClient client = connect()) {
            client.send(Json.write(Json.mapper().createObjectNode().put("type", "validate_behavior").put("requestId", "v1")
                    .put("behavior", text)));
            JsonNode diagnostic = client.awaitType("behavior_validation", WAIT).path("diagnostics").get(0);
            assertThat(diagnostic.path("code").asText()).isEqualTo("UNKNOWN_IDENTIFIER");
            int at = text.indexOf("self.healthh");
            assertThat(diagnostic.path("documentLine").asInt()).isEqualTo(text.substring(0, at).split("\n", -1).length);
            assertThat(diagnostic.path("documentColumn").asInt()).isEqualTo(at - text.lastIndexOf('\n', at));

            client.send(Json.write(Json.mapper().createObjectNode().put("type", "save_behavior").put("requestId", "v2")
                    .set("behavior", Json.mapper().createObjectNode().put("document", text))));
            JsonNode refused = client.awaitType("error", WAIT);
            assertThat(refused.path("code").asText()).isEqualTo("INVALID_BEHAVIOR");
            assertThat(refused.path("diagnostics").get(0).path("documentLine").asInt())
                    .isEqualTo(diagnostic.path("documentLine").asInt());
        }
    }

    private WsTestClient connect() {
        WsTestClient client = WsTestClient.connect(world.toString().replaceFirst("^http", "ws"));
        client.awaitType("welcome", WAIT);
        return client;
    }
}
