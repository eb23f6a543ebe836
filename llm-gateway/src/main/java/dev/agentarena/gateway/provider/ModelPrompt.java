package dev.agentarena.gateway.provider;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One structured-output call to a model.
 *
 * @param system     the instructions (rules, language specification, examples)
 * @param turns      the conversation, oldest first, ending with the user's turn
 * @param outputName a short name for the JSON the model must return (tool name, schema name)
 * @param schema     JSON schema of that output
 * @param maxTokens  most output tokens
 */
public record ModelPrompt(String system, List<Turn> turns, String outputName, JsonNode schema, int maxTokens) {

    public record Turn(Role role, String text) {
    }

    public enum Role { USER, ASSISTANT }

    public ModelPrompt {
        turns = List.copyOf(turns);
    }
}
