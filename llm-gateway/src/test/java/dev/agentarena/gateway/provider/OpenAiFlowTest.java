package dev.agentarena.gateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.testing.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import static org.assertj.core.api.Assertions.assertThat;

/** The flow against a stubbed OpenAI-compatible chat completions API. */
@QuarkusTest
@TestProfile(StubbedProviderProfile.OpenAi.class)
@QuarkusTestResource(KafkaTestResource.class)
class OpenAiFlowTest extends ProviderFlowContract {

    @Override
    String envelope(String modelJson, boolean parseable) {
        return chatCompletion(modelJson);
    }

    /** A chat completions response whose message carries {@code modelJson}. */
    static String chatCompletion(String modelJson) {
        ObjectNode reply = Json.mapper().createObjectNode();
        reply.putArray("choices").addObject().putObject("message").put("role", "assistant").put("content", modelJson);
        reply.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 50);
        return Json.write(reply);
    }

    @Override
    String provider() {
        return "openai";
    }

    @Override
    String path() {
        return "/v1/chat/completions";
    }

    @Override
    void assertStructuredRequest(ProviderStub.Seen request, String outputName) {
        JsonNode body = Json.tree(request.body());
        assertThat(body.path("model").asText()).isEqualTo(StubbedProviderProfile.MODEL);
        assertThat(body.path("response_format").path("type").asText()).isEqualTo("json_schema");
        assertThat(body.path("response_format").path("json_schema").path("name").asText()).isEqualTo(outputName);
        assertThat(body.path("messages").path(0).path("role").asText()).isEqualTo("system");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + StubbedProviderProfile.KEY);
    }
}
