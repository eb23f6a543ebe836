package dev.agentarena.contracts.messages;

import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.json.JsonReadException;

/**
 * Schema version of the Kafka messages defined in this package. A reader accepts every version from 1 up
 * to {@link #CURRENT}; a field added in a later version is absent (null, 0 or empty) in an older message.
 * <ul>
 *   <li>1: the first shapes.</li>
 *   <li>2: {@link LlmEvent} carries the copilot's answer (attempt, behavior, description, checks, model,
 *       tokens, failure, diagnostics) and {@link LlmStage} has the copilot's stages.</li>
 * </ul>
 */
public final class MessageSchema {

    public static final int CURRENT = 2;

    private MessageSchema() {
    }

    /**
     * Reads a Kafka message: malformed JSON or a wrong shape throws {@link JsonReadException}, a schema this
     * reader does not support throws {@link IllegalArgumentException}.
     */
    public static <T extends VersionedMessage> T read(String text, Class<T> type) {
        T message = Json.read(text, type);
        requireSupported(message.schema(), type.getSimpleName());
        return message;
    }

    /** Rejects a message written by a newer schema than this reader understands. */
    public static void requireSupported(int schema, String what) {
        if (schema < 1 || schema > CURRENT) {
            throw new IllegalArgumentException(what + " has schema " + schema + "; this reader supports 1.." + CURRENT);
        }
    }
}
