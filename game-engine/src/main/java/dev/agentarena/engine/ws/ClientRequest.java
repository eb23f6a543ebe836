package dev.agentarena.engine.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.contracts.FieldError;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.json.JsonReadException;

import java.util.List;

/**
 * An inbound message: {@code {"type": ..., "requestId": ..., ...}}. Typed field access that turns every
 * shape problem into a {@link ProtocolException} naming the field.
 */
public record ClientRequest(String type, String requestId, JsonNode body) {

    static final int MAX_REQUEST_ID_LENGTH = 64;

    static ClientRequest parse(String frame) {
        JsonNode node;
        try {
            node = Json.tree(frame);
        } catch (JsonReadException e) {
            throw new ProtocolException(ErrorCode.BAD_JSON, "not valid JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new ProtocolException(ErrorCode.BAD_MESSAGE, "a message must be a JSON object with a \"type\"");
        }
        JsonNode requestId = node.get("requestId");
        String id = null;
        if (requestId != null && !requestId.isNull()) {
            if (!requestId.isTextual() || requestId.asText().length() > MAX_REQUEST_ID_LENGTH) {
                throw new ProtocolException(ErrorCode.BAD_MESSAGE,
                        "requestId must be a string of at most " + MAX_REQUEST_ID_LENGTH + " characters");
            }
            id = requestId.asText();
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual()) {
            throw new ProtocolException(id, ErrorCode.BAD_MESSAGE, "a message needs a string \"type\"", List.of());
        }
        return new ClientRequest(type.asText(), id, node);
    }

    /** The field as {@code type}, or a BAD_MESSAGE naming it. */
    public <T> T field(String name, Class<T> type, boolean required) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                throw new ProtocolException(requestId, ErrorCode.BAD_MESSAGE, "\"" + name + "\" is required for " + this.type,
                        List.of(new FieldError("/" + name, "REQUIRED", name + " is required")));
            }
            return null;
        }
        if (!isScalarOf(value, type)) {
            // Jackson would coerce: true or 7 into "true" or "7", "" into a null number, 2.5 into 2.
            String expected = type.getSimpleName().toLowerCase();
            throw new ProtocolException(requestId, ErrorCode.BAD_MESSAGE, "\"" + name + "\" must be a " + expected,
                    List.of(new FieldError("/" + name, "BAD_TYPE", name + " must be a " + expected)));
        }
        try {
            return Json.convert(value, type);
        } catch (JsonReadException e) {
            throw new ProtocolException(requestId, ErrorCode.BAD_MESSAGE, "\"" + name + "\" is not valid: " + e.getMessage(),
                    List.of(new FieldError("/" + name + e.path(), "BAD_VALUE", e.getMessage())));
        }
    }

    /** Whether {@code value} has the JSON type of {@code type} when that is a scalar; anything for other types. */
    private static boolean isScalarOf(JsonNode value, Class<?> type) {
        if (type == String.class) {
            return value.isTextual();
        }
        if (type == Integer.class) {
            return value.isIntegralNumber() && value.canConvertToInt();
        }
        if (type == Long.class) {
            return value.isIntegralNumber() && value.canConvertToLong();
        }
        if (type == Boolean.class) {
            return value.isBoolean();
        }
        if (type == Double.class) {
            return value.isNumber();
        }
        return true;
    }
}
