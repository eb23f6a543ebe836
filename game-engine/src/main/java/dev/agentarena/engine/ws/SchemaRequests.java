package dev.agentarena.engine.ws;

import dev.agentarena.behavior.BehaviorLanguage;
import dev.agentarena.contracts.config.ConfigField;
import dev.agentarena.contracts.config.ConfigSchema;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/**
 * What the server knows about what a client sends: the config schema ({@code get_config_schema}) for a generated
 * form, the behavior language ({@code get_behavior_language}) for an editor's completion, and the request limits
 * and guest rights ({@code get_limits}) for a page's own checks. The page keeps no copy of a range, a pattern, a
 * variable or a primitive.
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

    /** The reply to {@code get_limits}. */
    public record LimitsReply(String type, String requestId, ClientLimits limits) {
        LimitsReply(String requestId) {
            this("limits", requestId, ClientLimits.PUBLISHED);
        }
    }

    @Override
    public Map<String, Route> routes() {
        return Map.of("get_config_schema", (session, request) -> session.send(new ConfigSchemaReply(request.requestId())),
                "get_behavior_language", (session, request) -> session.send(new BehaviorLanguageReply(request.requestId())),
                "get_limits", (session, request) -> session.send(new LimitsReply(request.requestId())));
    }
}
