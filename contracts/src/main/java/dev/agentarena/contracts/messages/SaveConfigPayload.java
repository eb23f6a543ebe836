package dev.agentarena.contracts.messages;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.contracts.FieldError;
import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.json.JsonReadException;

import java.util.ArrayList;
import java.util.List;

/** Payload of {@link CommandType#SAVE_CONFIG}: a named configuration. */
public record SaveConfigPayload(String name, ArenaConfig settings) {

    public static final int MAX_NAME_LENGTH = 80;

    /**
     * What is wrong with {@code payload} as a save-config payload, with paths relative to it ({@code /name},
     * {@code /settings/visualRange}); empty when it is valid. The engine and the persistence service both judge
     * a config with this, so a client gets the same paths whichever of them refuses.
     */
    public static List<FieldError> errorsIn(JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            return List.of(new FieldError("", "REQUIRED", "a config is an object with name and settings"));
        }
        List<FieldError> errors = new ArrayList<>();
        JsonNode name = payload.get("name");
        if (name == null || name.isNull() || (name.isTextual() && name.asText().isBlank())) {
            errors.add(new FieldError("/name", "REQUIRED", "a config needs a name"));
        } else if (!name.isTextual()) {
            errors.add(new FieldError("/name", "BAD_VALUE", "name must be a string"));
        } else if (name.asText().strip().length() > MAX_NAME_LENGTH) {
            errors.add(new FieldError("/name", "TOO_LONG", "name is longer than " + MAX_NAME_LENGTH + " characters"));
        }
        JsonNode settings = payload.get("settings");
        if (settings == null || !settings.isObject()) {
            errors.add(new FieldError("/settings", "REQUIRED", "settings must be an object"));
        } else {
            try {
                Json.convert(settings, ArenaConfig.class).validate().forEach(error ->
                        errors.add(new FieldError("/settings" + error.path(), error.code(), error.message())));
            } catch (JsonReadException e) {
                errors.add(new FieldError("/settings" + e.path(), "BAD_VALUE", e.getMessage()));
            }
        }
        payload.fieldNames().forEachRemaining(field -> {
            if (!field.equals("name") && !field.equals("settings")) {
                errors.add(new FieldError("/" + field, "UNKNOWN_FIELD", "a config has no field " + field));
            }
        });
        return errors;
    }
}
