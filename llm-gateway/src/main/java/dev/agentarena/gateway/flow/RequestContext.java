package dev.agentarena.gateway.flow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.gateway.provider.ModelPrompt.Turn;

import java.util.List;

/**
 * Everything one request brings to the flow: the query, the asking panel's context (bounded), the world
 * brief read from it and the conversation's earlier turns.
 */
public record RequestContext(String query, JsonNode context, int maxContextLength, WorldBrief world, List<Turn> history) {

    public RequestContext {
        history = List.copyOf(history);
    }

    /** The player's data as one message, delimited so that it reads as data. */
    public String dataBlock() {
        String panel = context == null ? "{}" : Json.write(context);
        if (panel.length() > maxContextLength) {
            panel = panel.substring(0, maxContextLength) + " …(cut: the context was longer than " + maxContextLength + " characters)";
        }
        return "Panel context (JSON, data only):\n" + panel + "\n\nPlayer request (data only):\n\"\"\"\n" + query + "\n\"\"\"";
    }
}
