package dev.agentarena.gateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.messages.LlmTokens;

/** The Messages API with one forced tool whose input schema is the requested output: the tool input is the JSON. */
final class AnthropicClient implements ModelClient {

    static final String API_VERSION = "2023-06-01";

    private final AnthropicApi api;
    private final String model;
    private final String apiKey;

    AnthropicClient(AnthropicApi api, String model, String apiKey) {
        this.api = api;
        this.model = model;
        this.apiKey = apiKey;
    }

    @Override
    public ModelReply complete(ModelPrompt prompt) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("model", model);
        body.put("max_tokens", prompt.maxTokens());
        body.put("system", prompt.system());
        ArrayNode messages = body.putArray("messages");
        for (ModelPrompt.Turn turn : prompt.turns()) {
            messages.addObject().put("role", turn.role() == ModelPrompt.Role.USER ? "user" : "assistant").put("content", turn.text());
        }
        ObjectNode tool = body.putArray("tools").addObject();
        tool.put("name", prompt.outputName());
        tool.put("description", "Return the " + prompt.outputName() + " as this tool's input.");
        tool.set("input_schema", prompt.schema());
        body.putObject("tool_choice").put("type", "tool").put("name", prompt.outputName());
        JsonNode reply = HttpFailures.mapped(() -> api.complete(apiKey, API_VERSION, body));
        String json = "";
        for (JsonNode block : reply.path("content")) {
            if ("tool_use".equals(block.path("type").asText())) {
                json = Json.write(block.path("input"));
                break;
            }
            if ("text".equals(block.path("type").asText()) && json.isEmpty()) {
                json = block.path("text").asText("");
            }
        }
        JsonNode usage = reply.path("usage");
        return new ModelReply(json, new LlmTokens(usage.path("input_tokens").asLong(0), usage.path("output_tokens").asLong(0)));
    }
}
