package dev.agentarena.contracts.messages;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.json.JsonReadException;

import java.io.IOException;

/**
 * Schema version of the Kafka messages defined in this package, and the tolerant way to read them.
 *
 * <p>{@code schema} on the wire is the major version. Within a major, a writer may add optional fields and says
 * so by bumping the minor it writes as {@code schemaMinor} (absent means 0). A reader accepts every minor of its
 * major and ignores the fields it does not know, so old and new pods can share the topics during a rolling
 * upgrade; a message of another major is refused. The rule in full is in docs/architecture.md.
 *
 * <p>Minor additions so far: {@link LlmEvent} carries the copilot's answer (attempt, behavior, description, checks,
 * model, tokens, failure, diagnostics), absent (null, 0 or empty) in an older message.
 *
 * <p>Only Kafka messages are read this way: what a WebSocket client sends stays strict ({@link Json#read}).
 */
public final class MessageSchema {

    /** The major version this build writes and reads. */
    public static final int CURRENT = 1;

    /** The shared mapping without its strictness about unknown fields (a newer minor may carry more). */
    private static final ObjectReader TOLERANT = Json.mapper().reader()
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private MessageSchema() {
    }

    /**
     * Reads a Kafka message: malformed JSON or a wrong shape throws {@link JsonReadException}, a major this
     * reader does not support throws {@link IllegalArgumentException}. Unknown fields are ignored.
     */
    public static <T extends VersionedMessage> T read(String text, Class<T> type) {
        T message;
        try {
            message = TOLERANT.forType(type).readValue(text);
        } catch (IOException e) {
            throw new JsonReadException(e);
        }
        requireSupported(message.schema(), type.getSimpleName());
        return message;
    }

    /** Reads a part of a Kafka message (e.g. a result's entity) as tolerantly as {@link #read}. */
    public static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return TOLERANT.forType(type).readValue(node);
        } catch (IOException | IllegalArgumentException e) {
            throw new JsonReadException(e);
        }
    }

    /** Rejects a message of another major version than this reader's. */
    private static void requireSupported(int schema, String what) {
        if (schema != CURRENT) {
            throw new IllegalArgumentException(what + " has schema " + schema + "; this reader supports major version "
                    + CURRENT + " (any minor)");
        }
    }
}
