package dev.agentarena.engine.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.contracts.FieldError;
import dev.agentarena.contracts.messages.LlmRequest;
import dev.agentarena.contracts.messages.LlmStage;
import dev.agentarena.contracts.messages.MessageSchema;
import dev.agentarena.engine.messaging.CopilotClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** llm_query: forwards the question to the copilot and streams its progress and answer to the asker only. */
@ApplicationScoped
public class CopilotRequests implements RequestHandler {

    static final int MAX_QUERY_LENGTH = 4000;

    private final CopilotClient copilot;

    public CopilotRequests(CopilotClient copilot) {
        this.copilot = copilot;
    }

    @Override
    public Map<String, Route> routes() {
        return Map.of("llm_query", this::query);
    }

    void query(ClientSession session, ClientRequest request) {
        String query = request.field("query", String.class, true);
        if (query.isBlank() || query.length() > MAX_QUERY_LENGTH) {
            String range = "query must be 1 to " + MAX_QUERY_LENGTH + " characters";
            throw new ProtocolException(request.requestId(), ErrorCode.BAD_MESSAGE, range,
                    List.of(new FieldError("/query", "OUT_OF_RANGE", range)));
        }
        JsonNode context = request.field("context", JsonNode.class, false);
        String conversationId = request.field("conversationId", String.class, false);
        LlmRequest llmRequest = new LlmRequest(MessageSchema.CURRENT, UUID.randomUUID().toString(), session.user().id(),
                session.worldId(), query, context, conversationId, Instant.now());
        copilot.ask(llmRequest, event -> {
            if (event.stage() == LlmStage.DONE) {
                session.send(new ServerMessages.LlmResponse(request.requestId(), event));
            } else if (event.stage() == LlmStage.FAILED) {
                ErrorCode code = event.failure() == null ? ErrorCode.LLM_FAILED : ErrorCode.valueOf(event.failure().name());
                session.send(new ServerMessages.LlmError(request.requestId(), code, event.text(), event.diagnostics()));
            } else {
                session.send(new ServerMessages.LlmProgress(request.requestId(), event.stage().name().toLowerCase(),
                        event.attempt(), event.text()));
            }
        });
    }
}
