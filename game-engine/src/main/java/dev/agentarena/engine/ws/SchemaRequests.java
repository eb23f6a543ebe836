package dev.agentarena.engine.ws;

import dev.agentarena.behavior.BehaviorLanguage;
import dev.agentarena.contracts.config.ConfigField;
import dev.agentarena.contracts.config.ConfigSchema;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/**
 * What the server knows about the documents a client edits: the config schema ({@code get_config_schema}) for a
 * generated form, and the behavior language ({@code get_behavior_language}) for an editor's completion. Both
 * come from contracts, so the page keeps no copy of a range, a variable or a primitive.
 */
@ApplicationScoped
public class SchemaRequests implements RequestHandler {

    /** The reply to {@code get_config_schema}: every config field, in the config's order. */
    public record ConfigSchemaReply(String type, String requestId, List<ConfigField> fields) {
        ConfigSchemaReply(String requestId) {
            this("config_schema", requestId, ConfigSchema.fields());
        }
    }

    /** The reply to {@code get_behavior_language}. */
    public record BehaviorLanguageReply(String type, String requestId, BehaviorLanguage.Description language) {
        BehaviorLanguageReply(String requestId) {
            this("behavior_language", requestId, BehaviorLanguage.describe());
        }
    }

    @Override
    public Map<String, Route> routes() {
        return Map.of("get_config_schema", (session, request) -> session.send(new ConfigSchemaReply(request.requestId())),
                "get_behavior_language", (session, request) -> session.send(new BehaviorLanguageReply(request.requestId())));
    }
}
