package dev.agentarena.gateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.messages.LlmTokens;

/** Chat completions with {@code response_format: json_schema}, so the model's content is the requested JSON. */
final class OpenAiClient implements ModelClient {

    private final OpenAiApi api;
    private final String model;
    private final String authorization;

    OpenAiClient(OpenAiApi api, String model, String apiKey) {
        this.api = api;
        this.model = model;
        this.authorization = apiKey == null || apiKey.isBlank() ? null : "Bearer " + apiKey;
    }

    @Override
    public ModelReply complete(ModelPrompt prompt) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("model", model);
        body.put("max_tokens", prompt.maxTokens());
        body.put("temperature", 0.2);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", prompt.system());
        for (ModelPrompt.Turn turn : prompt.turns()) {
            messages.addObject().put("role", turn.role() == ModelPrompt.Role.USER ? "user" : "assistant").put("content", turn.text());
        }
        ObjectNode format = body.putObject("response_format");
        format.put("type", "json_schema");
        ObjectNode schema = format.putObject("json_schema");
        schema.put("name", prompt.outputName());
        schema.set("schema", prompt.schema());
        JsonNode reply = HttpFailures.mapped(() -> api.complete(authorization, body));
        String content = reply.path("choices").path(0).path("message").path("content").asText("");
        JsonNode usage = reply.path("usage");
        return new ModelReply(content, new LlmTokens(usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0)));
    }
}
