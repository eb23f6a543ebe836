package dev.agentarena.gateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.testing.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import static org.assertj.core.api.Assertions.assertThat;

/** The flow against a stubbed Anthropic Messages API, structured output through a forced tool. */
@QuarkusTest
@TestProfile(StubbedProviderProfile.Anthropic.class)
@QuarkusTestResource(KafkaTestResource.class)
class AnthropicFlowTest extends ProviderFlowContract {

    @Override
    String envelope(String modelJson, boolean parseable) {
        ObjectNode reply = Json.mapper().createObjectNode().put("type", "message").put("role", "assistant");
        ObjectNode block = reply.putArray("content").addObject();
        if (parseable) {
            block.put("type", "tool_use").put("id", "toolu_1").put("name", "behavior").set("input", Json.tree(modelJson));
        } else {
            block.put("type", "text").put("text", modelJson);
        }
        reply.putObject("usage").put("input_tokens", 100).put("output_tokens", 50);
        return Json.write(reply);
    }

    @Override
    String provider() {
        return "anthropic";
    }

    @Override
    String path() {
        return "/v1/messages";
    }

    @Override
    void assertStructuredRequest(ProviderStub.Seen request, String outputName) {
        JsonNode body = Json.tree(request.body());
        assertThat(body.path("model").asText()).isEqualTo(StubbedProviderProfile.MODEL);
        assertThat(body.path("tools").path(0).path("name").asText()).isEqualTo(outputName);
        assertThat(body.path("tools").path(0).path("input_schema").path("type").asText()).isEqualTo("object");
        assertThat(body.path("tool_choice").path("name").asText()).isEqualTo(outputName);
        assertThat(body.path("system").asText()).contains("Agent Arena copilot");
        assertThat(request.header("x-api-key")).isEqualTo(StubbedProviderProfile.KEY);
        assertThat(request.header("anthropic-version")).isEqualTo(AnthropicClient.API_VERSION);
    }
}
